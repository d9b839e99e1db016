import type { CslItem } from '../../domain/resources/csl-mapping.ts';
import {
  type BibFormat,
  complementOf,
  type ParsedRecord,
  readComplement,
  withoutCustom,
} from './bib-format.ts';
import { cslToRis } from './ris/csl-to-ris.ts';
import { readRisLines } from './ris/ris-lines.ts';
import { risToCsl } from './ris/ris-to-csl.ts';

/** User-defined tag carrying the complement (fields RIS has no tag for), as JSON. */
const COMPLEMENT_TAG = 'U1';

/**
 * RIS, read and written here tag by tag (ris/): one `TAG  - value` per line, long values never wrapped
 * on export; on import, one or two spaces before the dash, continued lines, BOM and any line ends.
 */
export const risFormat: BibFormat = {
  parse(text: string): ParsedRecord[] {
    const { records, problems } = readRisLines(text);
    const out: ParsedRecord[] = problems.map((p) => ({ ligne: p.line, error: p.message, outside: true }));
    for (const record of records) {
      const { item, lines, complement } = risToCsl(record);
      const extra = readComplement(complement);
      if (extra) item.custom = { odts: extra };
      out.push({ ligne: record.line, item, lines });
    }
    return out;
  },

  format(items: CslItem[]): string {
    const records = items.map((item) => {
      const lines = cslToRis(withoutCustom(item)).map(([tag, value]) => `${tag}  - ${value}`);
      const complement = complementOf(item);
      if (complement) lines.push(`${COMPLEMENT_TAG}  - ${JSON.stringify(complement)}`);
      lines.push('ER  - ');
      return lines.join('\r\n');
    });
    return records.length > 0 ? `${records.join('\r\n\r\n')}\r\n` : '';
  },
};
