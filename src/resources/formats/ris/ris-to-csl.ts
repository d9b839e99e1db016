import type { CslDate, CslItem, CslName } from '../../../domain/resources/csl-mapping.ts';
import { standardNumber } from '../../../domain/resources/identifiers.ts';
import type { RisRecord, RisValue } from './ris-lines.ts';
import { RIS_TYPES } from './ris-types.ts';

/**
 * One RIS record as a CSL item, tag by tag after the RIS specification and the habits of the exporters
 * people use (Zotero, EndNote, Mendeley, JabRef, PubMed, HAL, Cairn). `lines` gives, for each notice
 * field, the line it was read from, so that a problem is reported where it is.
 */
export interface RisReading {
  item: CslItem;
  lines: Record<string, number>;
  /** The complement (U1), as written. */
  complement: string | undefined;
}

/** First tag present among `tags`, in order of preference. */
function first(record: RisRecord, ...tags: string[]): RisValue | undefined {
  for (const tag of tags) {
    const found = record.tags.get(tag)?.find((v) => v.value !== '');
    if (found) return found;
  }
  return undefined;
}

function all(record: RisRecord, ...tags: string[]): RisValue[] {
  return tags.flatMap((tag) => record.tags.get(tag) ?? []).filter((v) => v.value !== '');
}

/** `Nom, Prénom[, suffixe]`; a name without a comma is an organisation's. */
export function risName(value: string): CslName {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length < 2 || !parts[1]) return { literal: value.replace(/,\s*$/, '').trim() };
  const [family, given, suffix] = parts as [string, string, string?];
  return { family, given, ...(suffix ? { suffix } : {}) };
}

/**
 * A RIS date: `AAAA/MM/JJ/autre` (PY, Y1, DA; parts may be empty: `2019///`), an ISO date, or free
 * text holding a year. Null when no year can be found.
 */
export function risDate(value: string): number[] | null {
  const text = value.trim();
  const slashed = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:[/T ]|$)/.exec(text);
  if (slashed) {
    const parts = [slashed[1], slashed[2], slashed[3]].map((p) => (p ? Number(p) : null));
    const out: number[] = [parts[0] as number];
    if (parts[1]) {
      out.push(parts[1]);
      if (parts[2]) out.push(parts[2]);
    }
    return out;
  }
  const year = /\b(1[5-9]\d\d|2[01]\d\d)\b/.exec(text);
  return year ? [Number(year[1])] : null;
}

/** The most precise of the dates given (PY with a year, DA with the full date…) that agree on the year. */
function publicationDate(record: RisRecord): { date: number[]; line: number } | null {
  let best: { date: number[]; line: number } | null = null;
  for (const v of all(record, 'PY', 'Y1', 'DA')) {
    const date = risDate(v.value);
    if (!date) continue;
    if (!best) best = { date, line: v.line };
    else if (date[0] === best.date[0] && date.length > best.date.length) best = { date, line: v.line };
  }
  return best;
}

const dateParts = (parts: number[]): CslDate => ({ 'date-parts': [parts] });

const DOI = /10\.\d{4,9}\/\S+/;

export function risToCsl(record: RisRecord): RisReading {
  const lines: Record<string, number> = {};
  const kind = RIS_TYPES[record.type] ?? RIS_TYPES.GEN;
  const item: CslItem = { type: kind?.type ?? 'document' };
  const set = (field: string, notice: string, value: RisValue | undefined, transform = (s: string) => s) => {
    if (!value) return;
    item[field] = transform(value.value);
    lines[notice] ??= value.line;
  };
  const genre = first(record, 'M3') ?? (kind?.genre ? { value: kind.genre, line: record.line } : undefined);
  set('genre', 'type', genre);

  // TI is the title; T1 its older name; a translated title (TT) or a short one (ST) never replaces it.
  const bookTitle = record.type === 'BOOK' || record.type === 'EDBOOK' || record.type === 'EBOOK';
  set('title', 'titre', first(record, 'TI', 'T1', ...(bookTitle ? ['BT'] : []), 'CT', 'TT'));
  const container = ['CHAP', 'ECHAP'].includes(record.type)
    ? first(record, 'T2', 'BT', 'JF', 'JO')
    : first(record, 'JF', 'JO', 'T2', 'JA', 'J2', 'J1', ...(bookTitle ? [] : ['BT']));
  set('container-title', 'conteneur', container);
  set('collection-title', 'collection', first(record, 'T3'));

  // Authors are AU (A1 in older files); editors A2 or ED. A3 (series editors), A4 and TA (translators)
  // are other roles: they never take the authors' place.
  const names = (tags: string[]) => all(record, ...tags).map((v) => risName(v.value));
  const authors = all(record, 'AU', 'A1');
  if (authors.length > 0) {
    item.author = names(['AU', 'A1']);
    lines.auteurs = (authors[0] as RisValue).line;
  }
  const editors = all(record, 'A2', 'ED');
  if (editors.length > 0) {
    item.editor = names(['A2', 'ED']);
    lines.directeurs = (editors[0] as RisValue).line;
  }
  const translators = all(record, 'A4', 'TA');
  if (translators.length > 0) item.translator = names(['A4', 'TA']);

  const issued = publicationDate(record);
  if (issued) {
    item.issued = dateParts(issued.date);
    lines.date = issued.line;
  }
  const accessed = first(record, 'Y2');
  if (accessed) {
    const parts = risDate(accessed.value);
    if (parts) item.accessed = dateParts(parts);
    lines.consulteLe = accessed.line;
  }

  set('volume', 'conteneur', first(record, 'VL'));
  set('issue', 'conteneur', first(record, 'IS', 'CP'));
  const start = first(record, 'SP');
  const end = first(record, 'EP');
  if (start && !end && kind?.whole && /^\d+(\s*p\.?)?$/i.test(start.value)) {
    item['number-of-pages'] = start.value.replace(/\D/g, '');
    lines.etendue = start.line;
  } else if (start) {
    item.page = end && !start.value.includes('-') ? `${start.value}-${end.value}` : start.value;
    lines.pages = start.line;
  }
  set('publisher', 'editeur', first(record, 'PB'));
  set('publisher-place', 'lieu', first(record, 'CY', 'PP'));

  const url = all(record, 'UR', 'L2').find((v) => /^https?:/i.test(v.value)) ?? first(record, 'UR');
  set('URL', 'url', url, (s) => s.split(/\s+/)[0] as string);
  const doi =
    first(record, 'DO') ??
    all(record, 'M3', 'N1', 'UR').find((v) => DOI.test(v.value) && /doi/i.test(v.value));
  set('DOI', 'doi', doi, (s) => (DOI.exec(s)?.[0] ?? s).replace(/[.,;]$/, ''));
  for (const v of all(record, 'SN', 'BN')) {
    const code = standardNumber(v.value);
    if (code?.kind === 'ISSN' && !item.ISSN) {
      item.ISSN = code.value;
      lines.issn = v.line;
    } else if (!code && !item.ISBN) {
      // Neither: kept as an ISBN so that validation names the line rather than the value vanishing.
      item.ISBN = v.value;
      lines.isbn = v.line;
    } else if (code?.kind === 'ISBN' && !item.ISBN) {
      item.ISBN = code.value;
      lines.isbn = v.line;
    }
  }
  set('language', 'langue', first(record, 'LA'));
  set('abstract', 'resume', first(record, 'AB', 'N2'));
  const keywords = all(record, 'KW').flatMap((v) => v.value.split(/\s*;\s*/));
  if (keywords.length > 0) {
    item.keyword = keywords.filter(Boolean);
    lines.etiquettes = (record.tags.get('KW')?.[0] as RisValue).line;
    lines.motsCles = lines.etiquettes;
  }
  return { item, lines, complement: first(record, 'U1')?.value };
}
