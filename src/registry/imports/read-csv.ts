import { CsvError, parse } from 'csv-parse/sync';
import { invalid } from '../../domain/errors.ts';
import { EMPTY_FILE_MESSAGE, emptyTable, FILE_FIELD, type RawTable } from './raw-table.ts';

const SEPARATORS = [';', ','] as const;

/** Strict UTF-8 (with or without BOM): a file saved in Windows-1252 is refused, not misread. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid(
      'Fichier encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) »',
    );
  }
  if (bytes.includes(0)) {
    throw invalid('Fichier illisible : ce n’est ni un CSV (texte UTF-8) ni un classeur XLSX');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(
      'Le fichier n’est pas encodé en UTF-8 (probablement Windows-1252/ANSI) : dans le tableur, ' +
        'enregistrez-le au format « CSV UTF-8 », puis importez-le à nouveau',
    );
  }
}

/** Counts a character outside double quotes: enough to tell the separator from the header line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

function detectSeparator(headerLine: string): ';' | ',' | null {
  const [semi, comma] = SEPARATORS.map((s) => countOutsideQuotes(headerLine, s)) as [number, number];
  if (semi === 0 && comma === 0) return null;
  return semi >= comma ? ';' : ',';
}

export function readCsv(bytes: Uint8Array): RawTable {
  const text = decodeUtf8(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  if (headerIndex < 0) return emptyTable('csv', EMPTY_FILE_MESSAGE);
  const headerText = lines[headerIndex] as string;
  const separator = detectSeparator(headerText);
  if (!separator) {
    const tab = headerText.includes('\t') ? ' (tabulations trouvées)' : '';
    const table = readWith(text, ';');
    return {
      ...table,
      problems: [
        {
          ligne: headerIndex + 1,
          champ: FILE_FIELD,
          message: `séparateur de colonnes non reconnu${tab} : séparez les colonnes par « ; » ou « , »`,
        },
      ],
    };
  }
  return readWith(text, separator);
}

function readWith(text: string, delimiter: string): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const ligne = (error as CsvError & { lines?: number }).lines ?? 1;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'guillemet « " » ouvert et jamais fermé : vérifiez les guillemets des lignes précédentes'
        : `fichier CSV mal formé : ${error.message}`;
    return { ...emptyTable('csv', message), problems: [{ ligne, champ: FILE_FIELD, message }] };
  }
  // `info.lines` is where a record ends; a cell spanning lines moves its start up.
  const rows = records.map(({ record, info }) => {
    const inner = record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    return { line: info.lines - inner, cells: record };
  });
  const [header, ...data] = rows;
  if (!header) return emptyTable('csv', EMPTY_FILE_MESSAGE);
  return { format: 'csv', header: header.cells, headerLine: header.line, rows: data, problems: [] };
}
