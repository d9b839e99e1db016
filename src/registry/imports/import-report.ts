import { IMPORT_COLUMNS } from '../../domain/registry/import-columns.ts';

/** Import report, fixed by the public contract (API.md); `lot` and `dryRun` are additions. */
export interface ImportError {
  ligne: number;
  champ: string;
  message: string;
}

export interface ImportReport {
  valide: boolean;
  /** Data rows read (the header and blank lines excluded). */
  lignes: number;
  erreurs: ImportError[];
  /** Records created (or that would be, on a dry run). */
  crees: number;
  modifies: number;
  /** Rows naming an existing record with nothing to change. */
  inchanges: number;
  dryRun: boolean;
  /** Change set written, to revert with POST /api/lots/{id}/annuler. */
  lot: string | null;
}

export const MAX_REPORTED_ERRORS = 1000;

const order = (champ: string) => {
  const i = (IMPORT_COLUMNS as readonly string[]).indexOf(champ);
  return i < 0 ? IMPORT_COLUMNS.length : i;
};

/** Errors by line, then in column order; past the cap, one last entry says how many more there were. */
export function sortAndCap(errors: ImportError[]): ImportError[] {
  const sorted = [...errors].sort((a, b) => a.ligne - b.ligne || order(a.champ) - order(b.champ));
  if (sorted.length <= MAX_REPORTED_ERRORS) return sorted;
  const kept = sorted.slice(0, MAX_REPORTED_ERRORS);
  const last = sorted.at(-1) as ImportError;
  kept.push({
    ligne: last.ligne,
    champ: '(fichier)',
    message: `… et ${sorted.length - MAX_REPORTED_ERRORS} autres erreurs non détaillées`,
  });
  return kept;
}
