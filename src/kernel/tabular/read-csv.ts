import { CsvError, parse } from 'csv-parse/sync';
import { FILE_FIELD } from '../../domain/kernel/import-issue.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { unguardFormula } from './formula-guard.ts';
import { DEFAULT_EMPTY_MESSAGE, emptyTable, type RawTable } from './raw-table.ts';
import { detectSeparator, type Separator } from './separator.ts';

export interface CsvOptions {
  /** Wins over detection (UTF-8, else Windows-1252). */
  encoding?: TextEncoding | undefined;
  /** Skip lines starting with « # » (documentation lines of an import template). */
  comments?: boolean | undefined;
  /** Problem reported for a file without a header, in the importer's words. */
  emptyMessage?: string | undefined;
}

const NEWLINE = /\r\n|\n|\r/;

/**
 * CSV bytes → raw table. The separator (`;`, `,` or tab) is the one the header line uses most; a header
 * with none of them is a problem of the file (every importer needs several columns). Unreadable bytes
 * throw (400); a malformed CSV is a problem with the line where it happens.
 */
export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): RawTable {
  const emptyMessage = options.emptyMessage ?? DEFAULT_EMPTY_MESSAGE;
  const { text, encoding } = decodeText(bytes, options.encoding);
  const lines = text.split(NEWLINE);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !(options.comments && l.startsWith('#')));
  if (headerIndex < 0) return emptyTable('csv', emptyMessage);
  const separator = detectSeparator(lines[headerIndex] as string);
  const table = { ...readWith(text, separator ?? ';', options, emptyMessage), encoding };
  if (separator) return { ...table, separator };
  const message =
    'séparateur de colonnes non reconnu : séparez les colonnes par « ; », « , » ou une tabulation';
  return { ...table, problems: [{ ligne: headerIndex + 1, champ: FILE_FIELD, message }] };
}

function readWith(text: string, delimiter: Separator, options: CsvOptions, emptyMessage: string): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(options.comments ? { comment: '#', comment_no_infix: true } : {}),
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const ligne = (error as CsvError & { lines?: number }).lines ?? 1;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'guillemet « " » ouvert et jamais fermé : vérifiez les guillemets des lignes précédentes'
        : `fichier CSV mal formé : ${error.message}`;
    return emptyTable('csv', message, ligne);
  }
  // `info.lines` is where a record ends; a cell spanning lines moves its start up.
  const rows = records.map(({ record, info }) => {
    const inner = record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    return { line: info.lines - inner, cells: record.map(unguardFormula) };
  });
  const [header, ...data] = rows;
  if (!header) return emptyTable('csv', emptyMessage);
  return { format: 'csv', header: header.cells, headerLine: header.line, rows: data, problems: [] };
}
