import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { CslItem } from '../../domain/resources/csl-mapping.ts';

/** The only module that talks to citation-js: parsing and writing BibLaTeX and CSL-JSON. */

export function cslFromBiblatex(text: string): CslItem[] {
  return plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false }) as CslItem[];
}

/** Entries already cut from their file (type, key, raw field values), crossref parents included. */
export function cslFromBibEntries(
  entries: { type: string; label: string; properties: Record<string, string> }[],
): CslItem[] {
  return plugins.input.chain(entries, {
    forceType: '@biblatex/entries+list',
    generateGraph: false,
  }) as CslItem[];
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
