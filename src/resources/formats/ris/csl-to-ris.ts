import type { CslDate, CslItem, CslName } from '../../../domain/resources/csl-mapping.ts';
import { RIS_TYPE_OF_CSL } from './ris-types.ts';

/**
 * A CSL item as RIS tags, in the order of the specification, so that the reader gives back the same
 * item: one value per line (long values never wrapped), names `Nom, Prénom`, dates `AAAA/MM/JJ/`.
 */
export type RisTags = [tag: string, value: string][];

function nameOf(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  return given ? `${family}, ${given}` : family;
}

function parts(d: CslDate | undefined): number[] | null {
  const p = d?.['date-parts']?.[0]?.map(Number).filter((x) => Number.isInteger(x));
  return p && p.length > 0 ? p : null;
}

const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
const risDateText = (p: number[]) => `${String(p[0]).padStart(4, '0')}/${pad(p[1])}/${pad(p[2])}/`;

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
};

export function cslToRis(item: CslItem): RisTags {
  const tags: RisTags = [];
  const add = (tag: string, value: unknown) => {
    const t = text(value);
    if (t !== null) tags.push([tag, t]);
  };
  const type = RIS_TYPE_OF_CSL[item.type] ?? 'GEN';
  add('TY', type);
  add('TI', item.title);
  for (const n of item.author ?? []) add('AU', nameOf(n));
  for (const n of item.editor ?? []) add('A2', nameOf(n));
  add('T2', item['container-title']);
  add('T3', item['collection-title']);
  add('M3', item.genre);
  const issued = parts(item.issued);
  if (issued) {
    add('PY', String(issued[0]).padStart(4, '0'));
    if (issued.length > 1) add('DA', risDateText(issued));
  }
  add('VL', item.volume);
  add('IS', item.issue);
  const page = text(item.page);
  if (page) {
    const [start, end] = page.split(/-+|–/);
    add('SP', end ? start : page);
    if (end) add('EP', end);
  } else add('SP', item['number-of-pages']);
  add('PB', item.publisher);
  add('CY', item['publisher-place']);
  add('UR', item.URL);
  const accessed = parts(item.accessed);
  if (accessed) add('Y2', risDateText(accessed));
  add('DO', item.DOI);
  add('SN', item.ISBN);
  add('SN', item.ISSN);
  add('LA', item.language);
  add('AB', item.abstract);
  const keywords = Array.isArray(item.keyword) ? item.keyword : String(item.keyword ?? '').split(/,\s*/);
  for (const k of keywords) add('KW', k);
  return tags;
}
