import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import { cslToNotice } from '../../domain/resources/csl-mapping.ts';
import type { ImportFormat } from '../../domain/resources/schemas.ts';
import { decodeText } from '../../kernel/tabular/decode-text.ts';
import { BIB_FORMATS } from '../formats/exchange.ts';
import { readNoticeCsv } from '../formats/notice-csv.ts';

/** A record of an import file as raw notice input, or why it could not be read. */
export interface RawRecord {
  ligne: number;
  raw?: Record<string, unknown>;
  error?: string;
  /** Line of each notice field, where the format tells it. */
  lines?: Record<string, number>;
}

export interface ReadFile {
  format: ImportFormat;
  records: RawRecord[];
  problems: ImportIssue[];
}

/** The format a file is written in, told from its first characters. */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^\s*TY {1,2}-/m.test(start)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(start)) return 'bibtex';
  return 'csv';
}

/**
 * Reads RIS, BibTeX, CSL-JSON or CSV into raw notices; the format is detected when not given. Text is
 * UTF-8, or Windows-1252 when the bytes are not valid UTF-8, whatever the format.
 */
export function readRecords(bytes: Uint8Array, format: ImportFormat | undefined): ReadFile {
  const { text } = decodeText(bytes);
  const chosen = format ?? detectFormat(text);
  if (chosen === 'csv') {
    const csv = readNoticeCsv(bytes);
    return { format: chosen, records: csv.records, problems: csv.problems };
  }
  const parsed = BIB_FORMATS[chosen].parse(text);
  const problems = parsed
    .filter((r) => r.outside)
    .map((r): ImportIssue => ({ ligne: r.ligne, champ: FILE_FIELD, message: r.error ?? 'texte illisible' }));
  const records = parsed
    .filter((r) => !r.outside)
    .map((r): RawRecord => {
      const lines = r.lines ? { lines: r.lines } : {};
      if (!r.item) return { ligne: r.ligne, error: r.error ?? 'notice illisible', ...lines };
      try {
        return { ligne: r.ligne, raw: cslToNotice(r.item), ...lines };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { ligne: r.ligne, error: `notice illisible : ${message}`, ...lines };
      }
    });
  return { format: chosen, records, problems };
}
