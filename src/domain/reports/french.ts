import type { DynamicKind } from '../registry/kinds.ts';

/** French typography for generated documents: narrow no-break spaces, long dates, plurals. */

const NNBSP = '\u202f';
/** French month names, January first (shared by every generated document). */
export const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** 1234567 → "1 234 567" with narrow no-break spaces, as in French print. */
export function formatInteger(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return n < 0 ? `−${grouped}` : grouped;
}

/** 0.4567 → "46 %"; small non-zero shares keep one decimal so they do not read as zero. */
export function formatPercent(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 1) return `${pct.toFixed(1).replace('.', ',')}${NNBSP}%`;
  return `${Math.round(pct)}${NNBSP}%`;
}

/** "2018-03-01" → "1er mars 2018". */
export function formatDateLong(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const day = d === 1 ? '1er' : String(d);
  return `${day} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Timestamp → "23 novembre 2025 à 14 h 05" (UTC, the platform's reference time). */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${formatDateLong(t.toISOString())} à ${hh}${NNBSP}h${NNBSP}${mm}`;
}

/** "a, b et c" (or "a, b ou c"). */
export function joinFrench(items: string[], last = 'et'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(n)} ${n > 1 ? pluralForm : singular}`;
}

/** How a number of dynamics of a kind reads in a sentence: acronyms are invariable in French. */
const KIND_NOUNS: Record<DynamicKind, [string, string]> = {
  ASV: ['ASV', 'ASV'],
  CLS: ['CLS', 'CLS'],
  CLSM: ['CLSM', 'CLSM'],
  CPTS: ['CPTS', 'CPTS'],
  MSP: ['MSP', 'MSP'],
  CDS: ['centre de santé', 'centres de santé'],
  ESP: ['ESP', 'ESP'],
  CONTRAT_VILLE: ['contrat de ville', 'contrats de ville'],
  MEDIATION_SANTE: ['dispositif de médiation en santé', 'dispositifs de médiation en santé'],
  PTSM: ['PTSM', 'PTSM'],
  DAC: ['DAC', 'DAC'],
  PLSP: ['PLSP', 'PLSP'],
  AUTRE: ['autre dynamique', 'autres dynamiques'],
};

export function kindCount(kind: DynamicKind, n: number): string {
  const [one, many] = KIND_NOUNS[kind];
  return `${formatInteger(n)} ${n > 1 ? many : one}`;
}

/** One dynamic of the kind, capitalised, to introduce an item of a list ("Contrat de ville — …"). */
export function kindSingular(kind: DynamicKind): string {
  const one = KIND_NOUNS[kind][0];
  return one.charAt(0).toUpperCase() + one.slice(1);
}

/** Column headers: short and unambiguous. */
export const KIND_SHORT: Record<DynamicKind, string> = {
  ASV: 'ASV',
  CLS: 'CLS',
  CLSM: 'CLSM',
  CPTS: 'CPTS',
  MSP: 'MSP',
  CDS: 'CdS',
  ESP: 'ESP',
  CONTRAT_VILLE: 'Contrats de ville',
  MEDIATION_SANTE: 'Médiation',
  PTSM: 'PTSM',
  DAC: 'DAC',
  PLSP: 'PLSP',
  AUTRE: 'Autres',
};

/** File-name safe, accent-free slug. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
