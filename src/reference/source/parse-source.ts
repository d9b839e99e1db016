import type { Topology } from 'topojson-specification';
import { decodeText } from '../../kernel/tabular/decode-text.ts';
import { readCsv } from '../../kernel/tabular/read-csv.ts';

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

export function parseSource(bytes: Buffer): ParsedSource {
  const { text } = decodeSource(bytes);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseJson(text);
  if (!first) throw new SourceFormatError('fichier vide');
  return parseCsv(bytes);
}

/** The kernel's decoding (UTF-8, else Windows-1252); its refusals are format errors of the source. */
function decodeSource(bytes: Buffer) {
  try {
    return decodeText(bytes);
  } catch (error) {
    throw new SourceFormatError((error as Error).message);
  }
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

/** The kernel's CSV reader (`;`, `,` or tab); cells trimmed, keyed by the header's names. */
function parseCsv(bytes: Buffer): ParsedSource {
  const table = readCsv(bytes);
  const problem = table.problems[0];
  if (problem) throw new SourceFormatError(`CSV illisible (ligne ${problem.ligne}) : ${problem.message}`);
  const header = table.header.map((h) => h.trim());
  const rows = table.rows.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])),
  }));
  return { format: 'CSV', header, rows };
}
