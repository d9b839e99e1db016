import type { CslDate, CslItem, CslName } from '../../../domain/resources/csl-mapping.ts';

/**
 * CSL items as BibTeX entries that classic BibTeX (plain.bst…) and BibLaTeX (biber) both read: each
 * field is written under both names where they differ (`journal` and `journaltitle`, `year` and
 * `date`, `address` and `location`, `institution` or `school` and `publisher`), in UTF-8 (no TeX
 * accents: they are what broke on the way back), with TeX's special characters escaped.
 */

interface EntryKind {
  type: string;
  /** Field that names the container in both dialects (a web page's site, a podcast's show…). */
  container: 'journal' | 'booktitle';
  /** Field classic BibTeX wants for the publishing body. */
  body?: 'institution' | 'school';
}

const ENTRY_KINDS: Record<string, EntryKind> = {
  'article-journal': { type: 'article', container: 'journal' },
  'article-magazine': { type: 'article', container: 'journal' },
  'article-newspaper': { type: 'article', container: 'journal' },
  book: { type: 'book', container: 'booktitle' },
  chapter: { type: 'incollection', container: 'booktitle' },
  'paper-conference': { type: 'inproceedings', container: 'booktitle' },
  report: { type: 'techreport', container: 'booktitle', body: 'institution' },
  thesis: { type: 'phdthesis', container: 'booktitle', body: 'school' },
  webpage: { type: 'online', container: 'booktitle' },
  legislation: { type: 'legislation', container: 'booktitle' },
  motion_picture: { type: 'video', container: 'booktitle' },
  broadcast: { type: 'audio', container: 'booktitle' },
};

/** `{`, `}`, `\` and the characters TeX reads as commands, as text. */
export function escapeTex(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash')
    .replace(/[{}]/g, (c) => (c === '{' ? '\\textbraceleft' : '\\textbraceright'))
    .replace(/\\text(backslash|braceleft|braceright)/g, '\\text$1{}')
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/**
 * Classic styles lower-case titles: each word holding a capital (an acronym, a proper noun) is braced so
 * that it keeps its case, except a first word whose only capital is its initial (styles keep that one).
 */
export function protectCase(escaped: string): string {
  return escaped
    .split(' ')
    .map((word, i) => {
      if (!/\p{Lu}/u.test(word) || word.includes('{')) return word;
      if (i === 0 && !/\p{Lu}/u.test(word.slice(1))) return word;
      return `{${word}}`;
    })
    .join(' ');
}

/** A URL or DOI as a verbatim field: only braces, which would unbalance the entry, are encoded. */
const verbatimValue = (text: string) => text.replace(/\{/g, '%7B').replace(/\}/g, '%7D');

function nameOf(n: CslName): string {
  if (n.literal) return `{${escapeTex(n.literal)}}`;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  // Braces keep a family name of several words whole (no "von" part guessed by BibTeX).
  const last = /\s/.test(family) ? `{${escapeTex(family)}}` : escapeTex(family);
  return given ? `${last}, ${escapeTex(given)}` : `{${escapeTex(family)}}`;
}

function dateParts(d: CslDate | undefined): number[] | null {
  const p = d?.['date-parts']?.[0]?.map(Number).filter((x) => Number.isInteger(x));
  return p && p.length > 0 ? p : null;
}
const isoDate = (p: number[]) =>
  p.map((x, i) => (i === 0 ? String(x).padStart(4, '0') : String(x).padStart(2, '0'))).join('-');

/** Classic BibTeX's month macros, written without braces so that styles spell the month out. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const str = (v: unknown) => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** One entry; `key` is chosen by the caller, `complement` (balanced braces) goes into `annotation`. */
export function bibtexEntry(item: CslItem, key: string, complement: string | null): string {
  const kind = ENTRY_KINDS[item.type] ?? { type: 'misc', container: 'booktitle' };
  const fields: [string, string][] = [];
  const text = (name: string, value: unknown) => {
    const s = str(value);
    if (s !== null) fields.push([name, escapeTex(s)]);
  };
  const raw = (name: string, value: string | null) => {
    if (value !== null) fields.push([name, value]);
  };
  const title = str(item.title);
  if (title !== null) fields.push(['title', protectCase(escapeTex(title))]);
  if (item.author?.length) raw('author', item.author.map(nameOf).join(' and '));
  if (item.editor?.length) raw('editor', item.editor.map(nameOf).join(' and '));
  const container = str(item['container-title']);
  if (kind.container === 'journal') {
    text('journal', container);
    text('journaltitle', container);
  } else text('booktitle', container);
  text('series', item['collection-title']);
  text('volume', item.volume);
  text('number', item.issue);
  text('type', item.genre);
  const issued = dateParts(item.issued);
  if (issued) {
    raw('year', String(issued[0]));
    if (issued[1]) fields.push(['month', MONTHS[issued[1] - 1] ?? String(issued[1])]);
    raw('date', isoDate(issued));
  }
  text('pages', str(item.page)?.replace(/-+/g, '--'));
  text('pagetotal', item['number-of-pages']);
  if (kind.body) text(kind.body, item.publisher);
  text('publisher', item.publisher);
  text('address', item['publisher-place']);
  text('location', item['publisher-place']);
  const url = str(item.URL);
  raw('url', url && verbatimValue(url));
  const accessed = dateParts(item.accessed);
  if (accessed) raw('urldate', isoDate(accessed));
  const doi = str(item.DOI);
  raw('doi', doi && verbatimValue(doi));
  text('isbn', item.ISBN);
  text('issn', item.ISSN);
  text('langid', item.language);
  text('abstract', item.abstract);
  text('keywords', item.keyword);
  raw('annotation', complement);
  const body = fields
    .map(([name, value]) => (name === 'month' ? `  month = ${value}` : `  ${name} = {${value}}`))
    .join(',\n');
  return `@${kind.type}{${key},\n${body}\n}\n`;
}
