import { parse } from 'csv-parse/sync';
import type { Topology } from 'topojson-specification';

/** A source file, recognised by its content rather than by its name. */
export type ParsedSource =
  | { format: 'liste JSON'; items: unknown[] }
  | { format: 'GeoJSON'; features: unknown[]; collection: Record<string, unknown> }
  | { format: 'TopoJSON'; topology: Topology }
  | { format: 'CSV'; header: string[]; rows: CsvRow[] };

export interface CsvRow {
  /** Line in the file, the header being line 1. */
  line: number;
  values: Record<string, string>;
}

/** The file as a whole cannot be read: reported as one error before any line is looked at. */
export class SourceFormatError extends Error {}

export function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Spreadsheets still export Windows-1252 now and then.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseSource(bytes: Buffer): ParsedSource {
  const text = decodeText(bytes);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseJson(text);
  if (!first) throw new SourceFormatError('fichier vide');
  return parseCsv(text);
}

function parseJson(text: string): ParsedSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SourceFormatError(`JSON invalide : ${(error as Error).message}`);
  }
  if (Array.isArray(value)) return { format: 'liste JSON', items: value };
  const object = value as Record<string, unknown>;
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
    return { format: 'GeoJSON', features: object.features, collection: object };
  }
  if (object.type === 'Topology' && object.objects && typeof object.objects === 'object') {
    return { format: 'TopoJSON', topology: object as unknown as Topology };
  }
  throw new SourceFormatError(
    'format JSON non reconnu : liste d’objets, GeoJSON FeatureCollection ou TopoJSON Topology attendu',
  );
}

/** The separator is the one of `;`, `,` or tab that the header line uses most. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function parseCsv(text: string): ParsedSource {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new SourceFormatError(`CSV illisible : ${(error as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new SourceFormatError('fichier vide');
  const header = head.record;
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { format: 'CSV', header, rows };
}
