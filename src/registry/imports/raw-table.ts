/** A spreadsheet as read from a file, before any meaning is given to its columns. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Line (CSV) or row (XLSX) number of the header, 1 unless blank or comment lines precede it. */
  headerLine: number;
  rows: RawRow[];
  /** Problems of the file itself, reported with the rows' errors (a 400 is for unreadable files). */
  problems: { ligne: number; champ: string; message: string }[];
}

export interface RawRow {
  line: number;
  cells: string[];
}

export const FILE_FIELD = '(fichier)';

export function emptyTable(format: RawTable['format'], message: string): RawTable {
  return {
    format,
    header: [],
    headerLine: 1,
    rows: [],
    problems: [{ ligne: 1, champ: FILE_FIELD, message }],
  };
}

export const EMPTY_FILE_MESSAGE =
  'fichier vide : une ligne d’en-tête (type;nom;statut;communes;…) puis une ligne par dynamique sont attendues';
