import type { CslItem } from '../../../domain/resources/csl-mapping.ts';
import { cslFromBibEntries } from '../citation.ts';
import type { BibEntry } from './bibtex-scanner.ts';

/** Notice field of each BibTeX/BibLaTeX field: a problem with the value is reported on its line. */
const NOTICE_FIELD: Record<string, string> = {
  title: 'titre',
  author: 'auteurs',
  editor: 'directeurs',
  journal: 'conteneur',
  journaltitle: 'conteneur',
  booktitle: 'conteneur',
  volume: 'conteneur',
  number: 'conteneur',
  series: 'collection',
  publisher: 'editeur',
  institution: 'editeur',
  school: 'editeur',
  organization: 'editeur',
  address: 'lieu',
  location: 'lieu',
  year: 'date',
  date: 'date',
  pages: 'pages',
  pagetotal: 'etendue',
  url: 'url',
  urldate: 'consulteLe',
  doi: 'doi',
  isbn: 'isbn',
  issn: 'issn',
  language: 'langue',
  langid: 'langue',
  abstract: 'resume',
  keywords: 'etiquettes',
};

/** Fields written verbatim (no TeX in them): read here, never percent-encoded. */
const VERBATIM = new Set(['url', 'doi']);
/** The complement travels in `annotation` (or `annote`), marked so that other annotations are left alone. */
export const COMPLEMENT_MARK = 'odts:';
const isComplement = (name: string, value: string) =>
  (name === 'annotation' || name === 'annote') && value.trim().startsWith(COMPLEMENT_MARK);

/** A verbatim value as written by hand or by an exporter: braces, TeX escapes and spaces around removed. */
export function verbatim(value: string): string {
  const url = /\\url\s*\{([^}]*)\}/.exec(value);
  return (url ? (url[1] as string) : value)
    .replace(/\\([%_&#$~])/g, '$1')
    .replace(/[{}]/g, '')
    .trim();
}

/**
 * Text as one precomposed character per letter (NFC). TeX writes an accented i on a dotless i
 * (`{\'\i}`); Unicode composes accents on the plain i only, so the dotless one is put back first.
 */
export function composed(text: string): string {
  return text
    .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
    .replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

function deepCompose<T>(value: T): T {
  if (typeof value === 'string') return composed(value) as T;
  if (Array.isArray(value)) return value.map(deepCompose) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCompose(v)])) as T;
  }
  return value;
}

const PARTS = new Set(['incollection', 'inbook', 'inproceedings', 'inreference', 'bookinbook']);

/** As citation-js takes an entry; `parent` is the key of the entry it inherits from, as spelt there. */
function asCitationEntry(e: BibEntry, parent: BibEntry | undefined) {
  const properties = Object.fromEntries(
    [...e.fields]
      .filter(([name, f]) => !VERBATIM.has(name) && !isComplement(name, f.value))
      .map(([name, f]) => [name, f.value]),
  );
  if (parent) {
    properties.crossref = parent.key;
    // Classic BibTeX files point a chapter at a @book whose title is the chapter's book title.
    const title = parent.fields.get('title')?.value;
    if (PARTS.has(e.type) && !properties.booktitle && title) properties.booktitle = title;
  } else delete properties.crossref;
  return { type: e.type, label: e.key, properties };
}

/**
 * One entry as a CSL item, with the entries it inherits from (`crossref`, BibLaTeX's inheritance
 * rules: a book's title becomes its chapter's container…), and the line of each notice field.
 */
export function bibEntryToCsl(
  entry: BibEntry,
  byKey: Map<string, BibEntry>,
): { item: CslItem; lines: Record<string, number>; complement: string | null } {
  const chain = [entry];
  for (let parent = byKey.get(entry.fields.get('crossref')?.value.trim().toLowerCase() ?? ''); parent; ) {
    if (chain.includes(parent)) break;
    chain.push(parent);
    parent = byKey.get(parent.fields.get('crossref')?.value.trim().toLowerCase() ?? '');
  }
  const [item] = cslFromBibEntries(chain.map((e, i) => asCitationEntry(e, chain[i + 1])));
  if (!item) throw new Error('notice BibTeX illisible');
  const out = deepCompose(item);
  const url = chain.map((e) => e.fields.get('url') ?? e.fields.get('howpublished')).find((f) => f);
  const urlText = url ? verbatim(url.value) : '';
  if (/^https?:\/\//i.test(urlText)) out.URL = urlText;
  else delete out.URL;
  // Outside journals, BibTeX's `number` is the issue of the container (a podcast's episode…).
  const number = entry.fields.get('number');
  if (number && out.issue === undefined && out['container-title'] !== undefined) {
    out.issue = verbatim(number.value);
    delete out.number;
  }
  const doi = chain.map((e) => e.fields.get('doi')).find((f) => f);
  if (doi) out.DOI = verbatim(doi.value);
  const lines: Record<string, number> = {};
  for (const [name, f] of entry.fields) {
    const field = NOTICE_FIELD[name];
    if (field) lines[field] ??= f.line;
  }
  lines.motsCles = lines.etiquettes ?? entry.line;
  const note = [...entry.fields].find(([name, f]) => isComplement(name, f.value))?.[1].value.trim();
  return { item: out, lines, complement: note ? note.slice(COMPLEMENT_MARK.length) : null };
}
