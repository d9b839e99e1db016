import { foldText } from '../text/normalize.ts';
import { sameContent } from './dedup.ts';
import { standardNumber } from './identifiers.ts';
import type { Contributor, NoticeInput } from './schemas.ts';
import { thesaurusTerm } from './thesaurus.ts';
import {
  NOTICE_DISPOSITIFS,
  type NoticeType,
  OFFICIAL_TEXT_KINDS,
  OFFICIAL_TEXT_LABELS,
  type OfficialTextKind,
} from './vocabulary.ts';

/**
 * The one mapping between a notice and CSL-JSON, the pivot of every bibliographic format (RIS and
 * BibTeX go through CSL-JSON with citation-js). What CSL-JSON cannot say — themes, audiences, links,
 * the abstract's origin… — travels in `custom.odts`, the complement: exactly the fields a format
 * would not give back as they were.
 */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}

export interface CslItem {
  id?: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  genre?: string;
  medium?: string;
  issued?: CslDate;
  accessed?: CslDate;
  custom?: Record<string, unknown>;
  [field: string]: unknown;
}

const CSL_TYPES: Record<NoticeType, { type: string; genre?: string }> = {
  article: { type: 'article-journal' },
  rapport: { type: 'report' },
  ouvrage: { type: 'book' },
  chapitre: { type: 'chapter' },
  actes: { type: 'paper-conference' },
  texte_officiel: { type: 'legislation' },
  page_web: { type: 'webpage' },
  video: { type: 'motion_picture' },
  podcast: { type: 'broadcast', genre: 'Podcast' },
  guide: { type: 'report', genre: 'Guide' },
  outil: { type: 'document', genre: 'Outil' },
  these: { type: 'thesis' },
};

const toName = (c: Contributor): CslName =>
  'organisation' in c
    ? { literal: c.organisation }
    : { family: c.nom, ...(c.prenom ? { given: c.prenom } : {}) };

function toDate(date: string | null): CslDate | undefined {
  return date ? { 'date-parts': [date.split('-').map(Number)] } : undefined;
}

/** A notice as a CSL-JSON item (without its complement). Empty fields are left out. */
export function noticeToCsl(id: string, n: NoticeInput): CslItem {
  const { type, genre } = CSL_TYPES[n.type];
  const pages = /^(\d+)\s*p\.?$/i.exec(n.etendue ?? '');
  const keywords = [...n.motsCles, ...n.etiquettes, ...n.dispositifs];
  const item: CslItem = {
    id,
    type,
    genre: n.sousType ? OFFICIAL_TEXT_LABELS[n.sousType] : genre,
    title: n.titre,
    author: n.auteurs.map(toName),
    editor: n.directeurs.map(toName),
    'container-title': n.conteneur?.titre,
    volume: n.conteneur?.volume,
    issue: n.conteneur?.numero,
    'collection-title': n.collection,
    publisher: n.editeur,
    'publisher-place': n.lieu,
    issued: toDate(n.date),
    page: n.pages,
    'number-of-pages': pages ? pages[1] : undefined,
    dimensions: pages ? undefined : n.etendue,
    URL: n.url,
    accessed: toDate(n.consulteLe),
    DOI: n.doi,
    ISBN: n.isbn,
    ISSN: n.issn,
    language: n.langue,
    abstract: n.resume,
    keyword: keywords.length > 0 ? keywords.join(', ') : undefined,
  };
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete item[k];
  }
  return item;
}

const has = (text: string, ...words: string[]) => words.some((w) => text.includes(w));

function officialKind(genre: string, title: string): OfficialTextKind | null {
  for (const source of [genre, foldText(title).split(' ')[0] ?? '']) {
    const kind = OFFICIAL_TEXT_KINDS.find((k) => source.startsWith(k));
    if (kind) return kind;
  }
  return null;
}

/** The platform's type of a CSL item, helped by its genre ("Guide", "Décret", "Podcast"…). */
export function noticeTypeOf(item: CslItem): { type: NoticeType; sousType: OfficialTextKind | null } {
  const genre = foldText(`${item.genre ?? ''} ${item.medium ?? ''}`);
  const plain = (type: NoticeType) => ({ type, sousType: null });
  switch (item.type) {
    case 'article-journal':
    case 'article-magazine':
    case 'article-newspaper':
    case 'article':
    case 'review':
    case 'review-book':
    case 'periodical':
      return plain('article');
    case 'book':
    case 'classic':
    case 'collection':
      return plain(has(genre, 'guide') ? 'guide' : 'ouvrage');
    case 'chapter':
    case 'entry':
    case 'entry-dictionary':
    case 'entry-encyclopedia':
      return plain('chapitre');
    case 'paper-conference':
    case 'event':
    case 'speech':
      return plain('actes');
    case 'legislation':
    case 'bill':
    case 'regulation':
    case 'legal_case':
    case 'treaty':
    case 'hearing':
      return { type: 'texte_officiel', sousType: officialKind(genre, item.title ?? '') };
    case 'webpage':
    case 'post':
    case 'post-weblog':
      return plain('page_web');
    case 'motion_picture':
      return plain(has(genre, 'podcast') ? 'podcast' : 'video');
    case 'broadcast':
    case 'song':
    case 'interview':
      return plain(has(genre, 'video', 'televis', 'film') ? 'video' : 'podcast');
    case 'thesis':
      return plain('these');
    case 'software':
    case 'dataset':
      return plain('outil');
    default:
      return plain(has(genre, 'guide') ? 'guide' : has(genre, 'outil') ? 'outil' : 'rapport');
  }
}

/** A name without a first name is read as an organisation: that is how citation files write them. */
function fromName(n: CslName): Record<string, string | null> {
  if (n.literal) return { organisation: n.literal.trim() };
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ').trim();
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ').trim();
  if (!given) return { organisation: family };
  if (!family) return { organisation: given };
  return { nom: family, prenom: given };
}

function fromDate(d: CslDate | undefined, fullOnly = false): string | undefined {
  const parts = d?.['date-parts']?.[0]?.map((x) => Number(x)).filter((x) => Number.isInteger(x));
  if (parts && parts.length > 0 && !(fullOnly && parts.length < 3)) {
    const [y, m, day] = parts as [number, number?, number?];
    return [String(y).padStart(4, '0'), m, day]
      .filter((x) => x !== undefined)
      .map((x, i) => (i === 0 ? x : String(x).padStart(2, '0')))
      .join('-');
  }
  const raw = d?.raw ?? d?.literal;
  if (!raw) return undefined;
  const iso = /^(\d{4})(-\d{2}(-\d{2})?)?/.exec(raw.trim());
  if (iso && (!fullOnly || iso[3])) return iso[0];
  const year = /\b(1[5-9]\d\d|2[01]\d\d)\b/.exec(raw);
  return year && !fullOnly ? year[1] : undefined;
}

const LANGUAGES: Record<string, string> = {
  french: 'fr',
  francais: 'fr',
  fre: 'fr',
  fra: 'fr',
  english: 'en',
  anglais: 'en',
  eng: 'en',
  german: 'de',
  allemand: 'de',
  ger: 'de',
  deu: 'de',
  spanish: 'es',
  espagnol: 'es',
  spa: 'es',
  italian: 'it',
  italien: 'it',
  ita: 'it',
};

function language(value: unknown): string | undefined {
  const folded = foldText(String(value ?? ''));
  if (!folded) return undefined;
  if (LANGUAGES[folded]) return LANGUAGES[folded];
  const m = /^([a-z]{2,3})( [a-z]{2})?$/.exec(folded);
  return m ? m[1] : undefined;
}

const str = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

function keywords(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;]/);
  return list.map((k) => k.trim()).filter(Boolean);
}

/** The first ISBN or ISSN of a value; anything else kept as written, for validation to report. */
function standardCode(value: unknown): string | null {
  const s = str(Array.isArray(value) ? value[0] : value);
  if (!s) return null;
  return standardNumber(s)?.value ?? s;
}

/** A CSL-JSON item as raw notice input (to be validated); the complement, if any, wins. */
export function cslToNotice(item: CslItem): Record<string, unknown> {
  const { type, sousType } = noticeTypeOf(item);
  const motsCles: string[] = [];
  const etiquettes: string[] = [];
  const dispositifs: string[] = [];
  for (const k of keywords(item.keyword)) {
    const code = k.toUpperCase();
    if ((NOTICE_DISPOSITIFS as string[]).includes(code) && k === code) dispositifs.push(code);
    else if (thesaurusTerm(k)) motsCles.push(k);
    else etiquettes.push(k);
  }
  const pagesTotal = str(item['number-of-pages']);
  const collection = [str(item['collection-title']), str(item['collection-number'])].filter(Boolean);
  const containerTitle = str(item['container-title']) ?? str(item['event-title']) ?? str(item.event);
  const container = {
    titre: containerTitle ?? null,
    volume: str(item.volume) ?? null,
    numero: str(item.issue) ?? null,
  };
  const mapped: Record<string, unknown> = {
    type,
    sousType,
    titre: str(item.title) ?? '',
    auteurs: (item.author ?? []).map(fromName),
    directeurs: (item.editor ?? []).map(fromName),
    conteneur: container.titre || container.volume || container.numero ? container : null,
    collection: collection.length > 0 ? collection.join(' ; ') : null,
    editeur: str(item.publisher) ?? null,
    lieu: str(item['publisher-place']) ?? null,
    date: fromDate(item.issued) ?? null,
    pages: str(item.page)?.replace(/-{2,}|–/g, '-') ?? null,
    etendue: pagesTotal ? `${pagesTotal} p.` : (str(item.dimensions) ?? null),
    url: str(item.URL) ?? null,
    consulteLe: fromDate(item.accessed, true) ?? null,
    doi: str(item.DOI) ?? null,
    isbn: standardCode(item.ISBN),
    issn: standardCode(item.ISSN),
    langue: language(item.language),
    resume: str(item.abstract) ?? null,
    motsCles,
    etiquettes,
    dispositifs,
  };
  const complement = item.custom?.odts;
  return complement && typeof complement === 'object' ? { ...mapped, ...complement } : mapped;
}

/** The fields of `notice` that `reread` (the notice after a trip through a format) lost or changed. */
export function complementOf(notice: NoticeInput, reread: NoticeInput | null): Partial<NoticeInput> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(notice)) {
    if (!reread || !sameContent(value, (reread as Record<string, unknown>)[field])) out[field] = value;
  }
  return out as Partial<NoticeInput>;
}
