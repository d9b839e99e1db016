import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { TextEncoding } from './decode-text.ts';
import type { Separator } from './separator.ts';

/** A spreadsheet as read from a file, before any meaning is given to its columns. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Line (CSV) or row (XLSX) number of the header, 1 unless blank or comment lines precede it. */
  headerLine: number;
  rows: RawRow[];
  /** Problems of the file itself, reported with the rows' issues (a 400 is for unreadable files). */
  problems: ImportIssue[];
  /** CSV only: how the text was read. */
  encoding?: TextEncoding;
  separator?: Separator;
}

export interface RawRow {
  /** Line (CSV, where the record starts) or row (XLSX) number in the file. */
  line: number;
  cells: string[];
}

export const DEFAULT_EMPTY_MESSAGE =
  'fichier vide : une ligne d’en-tête puis une ligne par enregistrement sont attendues';

/** A table with no header nor row, and the one problem that explains why. */
export function emptyTable(format: RawTable['format'], message: string, ligne = 1): RawTable {
  return {
    format,
    header: [],
    headerLine: 1,
    rows: [],
    problems: [{ ligne, champ: FILE_FIELD, message }],
  };
}
