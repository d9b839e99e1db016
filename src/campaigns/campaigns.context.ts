import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Mailer } from '../kernel/mail/mailer.ts';
import type { OutboxReader } from '../kernel/mail/outbox-reader.ts';
import type { PersonalDataHolder } from '../kernel/personal-data/personal-data-holder.ts';
import type { DeclaredCountService } from '../registry/declared-counts.service.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import { CampaignRepository } from './campaign.repository.ts';
import { CampaignService, type CampaignSettings } from './campaign.service.ts';
import { CampaignCounts } from './campaign-counts.ts';
import { CampaignExports } from './campaign-exports.ts';
import { CampaignProgressService } from './campaign-progress.service.ts';
import { ProposalRepository } from './proposal.repository.ts';
import { RecipientRepository } from './recipient.repository.ts';
import { recipientPersonalData } from './recipient-personal-data.ts';
import { ResponseService } from './response.service.ts';
import { ReviewService } from './review.service.ts';

/** Services of the campaigns module, built over one database (wired into the application context). */
export interface CampaignServices {
  campaigns: CampaignService;
  progress: CampaignProgressService;
  responses: ResponseService;
  review: ReviewService;
  exports: CampaignExports;
  counts: CampaignCounts;
  /** Recipients as a person's data (RGPD export and erasure). */
  personalData: PersonalDataHolder;
}

export function createCampaignServices(
  db: Kysely<DB>,
  deps: {
    mailer: Mailer;
    /** The outbox, when messages are written there rather than sent. */
    outbox?: OutboxReader | null;
    registry: RegistryService;
    declaredCounts: DeclaredCountService;
    settings: CampaignSettings;
    clock?: () => Date;
  },
): CampaignServices {
  const repo = new CampaignRepository(db);
  const recipients = new RecipientRepository(db);
  const proposals = new ProposalRepository(db);
  const clock = deps.clock ?? (() => new Date());
  const campaigns = new CampaignService(
    repo,
    recipients,
    deps.mailer,
    deps.settings,
    clock,
    deps.outbox ?? null,
  );
  return {
    campaigns,
    progress: new CampaignProgressService(campaigns, repo, recipients, proposals, clock),
    responses: new ResponseService(repo, recipients, proposals, deps.settings.organisme, clock),
    review: new ReviewService(campaigns, repo, proposals, deps.registry, clock),
    exports: new CampaignExports(campaigns, recipients, proposals),
    personalData: recipientPersonalData(recipients),
    counts: new CampaignCounts(campaigns, repo, proposals, deps.declaredCounts, clock),
  };
}
