import { invalid } from '../../domain/errors.ts';
import { DEFAULT_EMPTY_MESSAGE, emptyTable, type RawTable } from './raw-table.ts';
import { type CsvOptions, readCsv } from './read-csv.ts';
import { readXlsx, type XlsxOptions } from './read-xlsx.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the sender said of the file; only used to explain a refusal, never to choose the reader. */
export interface FileHint {
  filename?: string | undefined;
  contentType?: string | undefined;
}

export type TableOptions = FileHint & CsvOptions & XlsxOptions;

/** Reads a CSV or XLSX file, told apart by content rather than by name. Unreadable files → 400. */
export async function readTable(bytes: Uint8Array, options: TableOptions = {}): Promise<RawTable> {
  if (bytes.length === 0) return emptyTable('csv', options.emptyMessage ?? DEFAULT_EMPTY_MESSAGE);
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, options);
  if (startsWith(bytes, OLE)) {
    throw invalid(
      'Format XLS (Excel 97-2003) non pris en charge : enregistrez le classeur en XLSX ou en CSV UTF-8',
    );
  }
  const declaredXlsx =
    /\.xlsx$/i.test(options.filename ?? '') || /spreadsheetml/.test(options.contentType ?? '');
  if (declaredXlsx) throw invalid('Le fichier annoncé comme XLSX n’est pas un classeur XLSX valide');
  return readCsv(bytes, options);
}
