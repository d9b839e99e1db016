import type { ImportIssue } from '../../domain/kernel/import-issue.ts';

/** Import report, fixed by the public contract (API.md); `lot` and `dryRun` are additions. */
export interface ImportReport {
  valide: boolean;
  /** Data rows read (the header and blank lines excluded). */
  lignes: number;
  erreurs: ImportIssue[];
  /** Records created (or that would be, on a dry run). */
  crees: number;
  modifies: number;
  /** Rows naming an existing record with nothing to change. */
  inchanges: number;
  dryRun: boolean;
  /** Change set written, to revert with POST /api/lots/{id}/annuler. */
  lot: string | null;
  /** True when a retry (same `Idempotency-Key`, or the same file) answered the first import's result. */
  rejoue: boolean;
  /** Rows without `id` matched to an existing dynamic (same kind, name and territory): they update it. */
  correspondances?: { ligne: number; id: string; nom: string }[];
}
