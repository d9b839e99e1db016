import type { TerritoryType } from '../territories/types.ts';
import type { DynamicKind, TimelineStatus } from './kinds.ts';

/** List filters after parsing, as the repository expects them. */
export interface DynamicListFilters {
  types: DynamicKind[];
  statuts: TimelineStatus[];
  territoires: { type: TerritoryType; code: string }[];
  date: string;
  /** Folded words that must all appear in the name or carrier. */
  texte: string[];
  fraicheur: 'a_verifier' | 'a_renouveler' | null;
  /** Today: "à vérifier" includes what is échue today. */
  today: string;
  /** Renewals due: an end date up to this day, not renewed (échue from the day after it), not past unless échue today. */
  echeance: string | null;
  verifyBefore: string;
  renewBefore: string;
  fixedTermKinds: DynamicKind[];
  /** `verification`: last verified first (the « mise à jour » of lists). */
  tri: 'nom' | 'modification' | 'verification';
  page: number;
  limit: number;
}
