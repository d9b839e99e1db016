import type { RawTable } from '../../kernel/tabular/raw-table.ts';
import { type FileHint, readTable } from '../../kernel/tabular/read-table.ts';

/** Sheet read when a workbook has several (the template's second sheet documents the columns). */
export const DATA_SHEET = 'Dynamiques';

const EMPTY_FILE_MESSAGE =
  'fichier vide : une ligne d’en-tête (type;nom;statut;communes;…) puis une ligne par dynamique sont attendues';

/** A dynamics file as a raw table: the template's comment lines skipped, its data sheet preferred. */
export function readImportFile(bytes: Uint8Array, hint: FileHint = {}): Promise<RawTable> {
  return readTable(bytes, {
    filename: hint.filename,
    contentType: hint.contentType,
    comments: true,
    sheet: DATA_SHEET,
    emptyMessage: EMPTY_FILE_MESSAGE,
  });
}
