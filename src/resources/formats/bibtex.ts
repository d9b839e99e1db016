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
import { biblatex, cslFromBiblatex } from './citation.ts';

/** The complement travels in the `annotation` field, marked so that other annotations are left alone. */
const MARK = 'odts:';
const ENTRY = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s]*)[ \t]*,/gm;
const NOT_ENTRIES = new Set(['comment', 'string', 'preamble']);

/** Line of each entry, by citation key, in the order of the file. */
function entryLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const m of text.matchAll(ENTRY)) {
    if (NOT_ENTRIES.has((m[1] as string).toLowerCase())) continue;
    const line = text.slice(0, m.index).split(/\r\n|\n|\r/).length;
    const key = m[2] as string;
    lines.set(key, [...(lines.get(key) ?? []), line]);
  }
  return lines;
}

/**
 * BibTeX files, written with the BibLaTeX field set (abstract, keywords, language, urldate…), which
 * Zotero, JabRef and biber read; classic BibTeX files are read too.
 */
export const bibtexFormat: BibFormat = {
  parse(text: string): ParsedRecord[] {
    const clean = stripBom(text);
    let items: CslItem[];
    try {
      items = cslFromBiblatex(clean);
    } catch (e) {
      return [{ ligne: 1, error: `fichier BibTeX illisible : ${errorMessage(e)}` }];
    }
    const lines = entryLines(clean);
    return items.map((item, i) => {
      const key = String(item['citation-key'] ?? item.id ?? '');
      const ligne = lines.get(key)?.shift() ?? i + 1;
      const annote = typeof item.annote === 'string' ? item.annote : '';
      if (annote.startsWith(MARK)) {
        delete item.annote;
        const complement = readComplement(annote.slice(MARK.length));
        if (complement) item.custom = { odts: complement };
      }
      return { ligne, item };
    });
  },

  format(items: CslItem[]): string {
    return biblatex(
      items.map((item) => {
        const complement = complementOf(item);
        const plain = withoutCustom(item);
        return complement ? { ...plain, annote: `${MARK}${JSON.stringify(complement)}` } : plain;
      }),
    );
  },
};
