import type {
  ConfigurationsResult,
  CountsResult,
  CoverageResult,
  EvolutionResult,
  TerritoryProfile,
} from '@domain/analytics/responses.ts';
import type { PresentedTerm } from '@domain/glossary/responses.ts';
import type { HistoryEntry } from '@domain/kernel/history.ts';
import type { DynamicImportReport, DynamicPage, PresentedDynamic } from '@domain/registry/responses.ts';
import type {
  ContributorOut,
  Facet,
  NoticeDetail,
  NoticeHit,
  NoticeResults,
} from '@domain/resources/responses.ts';
import type {
  PresentedSelection,
  SelectionPreview,
  SelectionSummary,
} from '@domain/resources/selection-responses.ts';
import type { territorySearchItem } from '@domain/territories/schemas.ts';
import type { z } from 'zod';

/**
 * Shapes of the API answers the pages read: inferred from the response schemas of src/domain, the ones
 * the server checks its answers against, so a field changed on one side shows on the other at type
 * checking. Type imports only: no schema code reaches the bundle.
 */

export type { DynamicPage, Facet, NoticeHit, NoticeResults, SelectionPreview, SelectionSummary };
export type { TerritoryDetail } from '@domain/territories/schemas.ts';

export interface List<T> {
  total: number;
  items: T[];
}

export type TerritoryItem = z.infer<typeof territorySearchItem>;
export type Dynamic = PresentedDynamic;
export type HistoryItem = HistoryEntry;
export type Profile = TerritoryProfile;
export type Counts = CountsResult;
export type Configurations = ConfigurationsResult;
export type CoverageData = CoverageResult;
export type EvolutionData = EvolutionResult;
export type ImportReport = DynamicImportReport;
export type Contributor = ContributorOut;
export type Notice = NoticeDetail;
export type Selection = PresentedSelection;
export type GlossaryItem = PresentedTerm;
