import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { CslItem } from '../../domain/resources/csl-mapping.ts';

/** The only module that talks to citation-js: parsing and writing RIS, BibLaTeX and CSL-JSON. */

export type RisRecord = Record<string, string | string[]>;

/** A RIS file cut into records of tags (continuation lines joined), without interpreting them. */
export function risRecords(text: string): RisRecord[] {
  const records: unknown = plugins.input.chainLink(text, { forceType: '@ris/file' });
  // Text with no RIS record at all (JSON, an empty form) comes back as something else than a list.
  if (!Array.isArray(records)) throw new Error('aucune notice RIS (lignes « TY  - ») trouvée');
  return records as RisRecord[];
}

export function cslFromRis(record: RisRecord): CslItem {
  const [item] = plugins.input.chain(record, {
    forceType: '@ris/record',
    generateGraph: false,
  }) as CslItem[];
  if (!item) throw new Error('notice RIS illisible');
  return item;
}

/** CSL items as RIS tag objects (tag → value or values), written out by the caller. */
export function risTags(items: CslItem[]): RisRecord[] {
  return plugins.output.format('ris', items, { format: 'object' }) as RisRecord[];
}

export function cslFromBiblatex(text: string): CslItem[] {
  return plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false }) as CslItem[];
}

export function biblatex(items: CslItem[]): string {
  return plugins.output.format('biblatex', items, { format: 'text' }) as string;
}

/** CSL-JSON from elsewhere, upgraded and cleaned the way citation-js reads it. */
export function normaliseCsl(items: unknown[]): CslItem[] {
  return plugins.input.chain(items, { forceType: '@csl/list+object', generateGraph: false }) as CslItem[];
}

/** Formatted references, one per line, sorted as the citation style sorts them. */
export function bibliographyText(items: CslItem[], template = 'apa'): string {
  return plugins.output.format('bibliography', items, {
    format: 'text',
    template,
    lang: 'fr-FR',
  }) as string;
}
