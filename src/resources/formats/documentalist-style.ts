import fs from 'node:fs';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../../domain/resources/csl-mapping.ts';

/** The project's French documentalist citation style (CSL 1.0), registered once with citation-js. */
export const DOCUMENTALIST_STYLE = 'odts-documentaliste';
const STYLE_FILE = new URL('../csl/odts-documentaliste.csl', import.meta.url);

let registered = false;
function register() {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  styles.add(DOCUMENTALIST_STYLE, fs.readFileSync(STYLE_FILE, 'utf8'));
  registered = true;
}

export interface FormattedReference {
  /** Escaped HTML, with `<i>` for titles in italics. */
  html: string;
  /** The same as plain text (tags removed, entities decoded). */
  text: string;
}

const WRAPPER = /^\s*<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (/^#x/i.test(code)) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code] ?? m;
  });
}

/**
 * Each item formatted in the documentalist style, keyed by its id (order is the caller's). citeproc
 * runs once, in HTML: the text is derived from it (formatting twice doubled the time of a document).
 */
export function formatReferences(items: CslItem[]): Map<string, FormattedReference> {
  register();
  const out = new Map<string, FormattedReference>();
  if (items.length === 0) return out;
  const entries = plugins.output.format('bibliography', items, {
    template: DOCUMENTALIST_STYLE,
    lang: 'fr-FR',
    nosort: true,
    asEntryArray: true,
    format: 'html',
  }) as [string, string][];
  for (const [id, entry] of entries) {
    const html = (WRAPPER.exec(entry)?.[1] ?? entry).trim();
    out.set(id, { html, text: decodeEntities(html.replace(/<[^>]+>/g, '')) });
  }
  return out;
}
