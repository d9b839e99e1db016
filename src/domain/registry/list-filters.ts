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
  verifyBefore: string;
  renewBefore: string;
  fixedTermKinds: DynamicKind[];
  tri: 'nom' | 'modification';
  page: number;
  limit: number;
}
