import { invalid } from '../../domain/errors.ts';
import { EMPTY_FILE_MESSAGE, emptyTable, type RawTable } from './raw-table.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export interface FileHint {
  filename?: string | undefined;
  contentType?: string | undefined;
}

/** Reads a CSV or XLSX file, told apart by content rather than by name. Unreadable files → 400. */
export async function readTable(bytes: Uint8Array, hint: FileHint = {}): Promise<RawTable> {
  if (bytes.length === 0) return emptyTable('csv', EMPTY_FILE_MESSAGE);
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) {
    throw invalid(
      'Format XLS (Excel 97-2003) non pris en charge : enregistrez le classeur en XLSX ou en CSV UTF-8',
    );
  }
  const declaredXlsx = /\.xlsx$/i.test(hint.filename ?? '') || /spreadsheetml/.test(hint.contentType ?? '');
  if (declaredXlsx) throw invalid('Le fichier annoncé comme XLSX n’est pas un classeur XLSX valide');
  return readCsv(bytes);
}
