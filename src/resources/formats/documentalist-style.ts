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
  text: string;
}

const WRAPPER = /^\s*<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/;

/** Each item formatted in the documentalist style, keyed by its id (order is the caller's). */
export function formatReferences(items: CslItem[]): Map<string, FormattedReference> {
  register();
  const out = new Map<string, FormattedReference>();
  if (items.length === 0) return out;
  const options = { template: DOCUMENTALIST_STYLE, lang: 'fr-FR', nosort: true, asEntryArray: true };
  const html = plugins.output.format('bibliography', items, { ...options, format: 'html' }) as [
    string,
    string,
  ][];
  const text = new Map(
    plugins.output.format('bibliography', items, { ...options, format: 'text' }) as [string, string][],
  );
  for (const [id, entry] of html) {
    out.set(id, {
      html: (WRAPPER.exec(entry)?.[1] ?? entry).trim(),
      text: (text.get(id) ?? '').trim(),
    });
  }
  return out;
}
