import type { CampaignState } from '@domain/campaigns/vocabulary.ts';

export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  brouillon: 'en préparation',
  envoyee: 'envoyée',
  close: 'close',
};

export const CAMPAIGN_STATE_SEVERITY: Record<CampaignState, 'info' | 'success' | undefined> = {
  brouillon: 'info',
  envoyee: 'success',
  close: undefined,
};
