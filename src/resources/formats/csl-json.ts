import type { CslItem } from '../../domain/resources/csl-mapping.ts';
import { type BibFormat, errorMessage, type ParsedRecord, stripBom } from './bib-format.ts';
import { normaliseCsl } from './citation.ts';

/** CSL-JSON: a list of items; the complement is the item's `custom.odts`. `ligne` is the rank in the list. */
export const cslJsonFormat: BibFormat = {
  parse(text: string): ParsedRecord[] {
    let data: unknown;
    try {
      data = JSON.parse(stripBom(text));
    } catch (e) {
      return [{ ligne: 1, error: `JSON invalide : ${errorMessage(e)}` }];
    }
    const list = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && 'items' in data
        ? data.items
        : [data];
    if (!Array.isArray(list)) return [{ ligne: 1, error: 'liste de notices CSL-JSON attendue' }];
    return list.map((raw, i) => {
      const ligne = i + 1;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        return { ligne, error: 'notice CSL-JSON attendue (un objet)' };
      }
      try {
        const [item] = normaliseCsl([raw]);
        if (!item) return { ligne, error: 'notice CSL-JSON illisible' };
        return { ligne, item };
      } catch (e) {
        return { ligne, error: `notice CSL-JSON illisible : ${errorMessage(e)}` };
      }
    });
  },

  format(items: CslItem[]): string {
    return `${JSON.stringify(items, null, 2)}\n`;
  },
};
