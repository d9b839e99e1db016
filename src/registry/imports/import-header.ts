import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  matchColumn,
  REQUIRED_COLUMNS,
} from '../../domain/registry/import-columns.ts';
import type { RawTable } from '../../kernel/tabular/raw-table.ts';

export interface HeaderMap {
  /** Column of each header position; null for an ignored (empty, unused) or reported position. */
  columns: (ImportColumn | null)[];
  present: Set<ImportColumn>;
  errors: ImportIssue[];
}

/** Matches header cells to known columns; unknown, duplicate or missing columns are reported. */
export function mapHeader(table: RawTable): HeaderMap {
  const ligne = table.headerLine;
  const errors: ImportIssue[] = [];
  const present = new Set<ImportColumn>();
  const columns = table.header.map((raw, i): ImportColumn | null => {
    const label = raw.trim();
    if (label === '') {
      if (table.rows.some((r) => (r.cells[i] ?? '').trim() !== '')) {
        errors.push({
          ligne,
          champ: `colonne ${i + 1}`,
          message: 'colonne sans titre contenant des valeurs',
        });
      }
      return null;
    }
    const column = matchColumn(label);
    if (!column) {
      errors.push({
        ligne,
        champ: label,
        message: `colonne inconnue « ${label} » : colonnes acceptées ${IMPORT_COLUMNS.join(', ')}`,
      });
      return null;
    }
    if (present.has(column)) {
      errors.push({ ligne, champ: label, message: `colonne « ${column} » en double` });
      return null;
    }
    present.add(column);
    return column;
  });
  if (!present.has('id')) {
    for (const column of REQUIRED_COLUMNS) {
      if (!present.has(column)) {
        errors.push({ ligne, champ: column, message: `colonne obligatoire absente : ${column}` });
      }
    }
  }
  return { columns, present, errors };
}
