import type {
  campaignList,
  campaignOut,
  campaignProgress,
  campaignTemplate,
  proposalDetail,
  proposalPage,
  proposalSummary,
  recipientOut,
  recipientPage,
  sendReport,
} from '@domain/campaigns/responses.ts';
import type { z } from 'zod';

/** Shapes of the campaign answers, from the server's response schemas (type imports only). */
export type Campaign = z.infer<typeof campaignOut>;
export type CampaignSummary = z.infer<typeof campaignList>['resultats'][number];
export type CampaignList = z.infer<typeof campaignList>;
export type Template = z.infer<typeof campaignTemplate>;
export type Progress = z.infer<typeof campaignProgress>;
export type Recipient = z.infer<typeof recipientOut>;
export type RecipientPage = z.infer<typeof recipientPage>;
export type ProposalSummary = z.infer<typeof proposalSummary>;
export type ProposalPage = z.infer<typeof proposalPage>;
export type ProposalDetail = z.infer<typeof proposalDetail>;
export type SendReport = z.infer<typeof sendReport>;

const enc = encodeURIComponent;

/** Addresses of the campaign pages and of the API routes they call. */
export const campaignPaths = {
  page: (id: string) => `/campagnes/${enc(id)}`,
  reviews: (id: string) => `/campagnes/${enc(id)}/reponses`,
  review: (id: string, proposal: string) => `/campagnes/${enc(id)}/reponses/${enc(proposal)}`,
  api: (id: string) => `/api/campagnes/${enc(id)}`,
  apiProposal: (id: string, proposal: string) => `/api/campagnes/${enc(id)}/reponses/${enc(proposal)}`,
};

/** The JSON body of a write, with its content type. */
export function jsonBody(body: unknown): { method: string; headers: Record<string, string>; body: string } {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
