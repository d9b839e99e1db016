import type { CslItem } from '../../domain/resources/csl-mapping.ts';
import {
  type BibFormat,
  complementOf,
  errorMessage,
  type ParsedRecord,
  readComplement,
  stripBom,
  withoutCustom,
} from './bib-format.ts';
import { cslFromRis, type RisRecord, risRecords, risTags } from './citation.ts';

/** User-defined tag carrying the complement (fields RIS has no tag for), as JSON. */
const COMPLEMENT_TAG = 'U1';
const RECORD_START = /^TY {2}- ?\S/;

function take(record: RisRecord, tag: string): string | undefined {
  const value = record[tag];
  delete record[tag];
  return Array.isArray(value) ? value.join(' ') : value;
}

/**
 * RIS, one `TAG  - value` per line. Records are written here rather than by citation-js, which wraps
 * long values every 70 characters and so changes them when they are read back.
 */
export const risFormat: BibFormat = {
  parse(text: string): ParsedRecord[] {
    const clean = stripBom(text);
    const starts = clean
      .split(/\r\n|\n|\r/)
      .flatMap((line, i) => (RECORD_START.test(line.trim()) ? [i + 1] : []));
    let records: RisRecord[];
    try {
      records = risRecords(clean);
    } catch (e) {
      return [{ ligne: 1, error: `fichier RIS illisible : ${errorMessage(e)}` }];
    }
    return records.map((record, i) => {
      const ligne = starts[i] ?? i + 1;
      try {
        const complement = readComplement(take(record, COMPLEMENT_TAG));
        const item = cslFromRis(record);
        if (complement) item.custom = { odts: complement };
        return { ligne, item };
      } catch (e) {
        return { ligne, error: `notice RIS illisible : ${errorMessage(e)}` };
      }
    });
  },

  format(items: CslItem[]): string {
    const tagSets = risTags(items.map(withoutCustom));
    const records = tagSets.map((tags, i) => {
      const lines = [`TY  - ${tags.TY}`];
      for (const [tag, value] of Object.entries(tags)) {
        if (tag === 'TY') continue;
        for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ').trim()}`);
      }
      const complement = complementOf(items[i] as CslItem);
      if (complement) lines.push(`${COMPLEMENT_TAG}  - ${JSON.stringify(complement)}`);
      lines.push('ER  - ');
      return lines.join('\r\n');
    });
    return records.length > 0 ? `${records.join('\r\n\r\n')}\r\n` : '';
  },
};
