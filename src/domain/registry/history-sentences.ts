import { formatDateLong } from '../reports/french.ts';
import { type EVENT_TYPES, LINK_LABELS, type LinkType, STATUS_LABELS, type TimelineStatus } from './kinds.ts';

/** What one field of a dynamic's history entry became, told in French rather than as JSON. */

const EVENT_LABELS: Record<(typeof EVENT_TYPES)[number], string> = {
  creation: 'création',
  lettre_intention: 'lettre d’intention',
  signature: 'signature',
  renouvellement: 'renouvellement',
  nouvelle_generation: 'nouvelle génération',
  avenant: 'avenant',
  suspension: 'suspension',
  reprise: 'reprise',
  arret: 'arrêt',
  changement_porteur: 'changement de porteur',
  changement_perimetre: 'changement de périmètre',
  verification: 'vérification',
  autre: 'événement',
};

const PERIMETER_NOUNS: Record<string, [string, string]> = {
  communes: ['commune', 'communes'],
  epci: ['EPCI', 'EPCI'],
  departements: ['département', 'départements'],
  qpv: ['quartier prioritaire', 'quartiers prioritaires'],
};

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const day = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDateLong(v) : null;

function statusWord(v: unknown): string {
  return STATUS_LABELS[v as TimelineStatus] ?? (text(v) || 'déduit des événements');
}

/** Items of `after` not in `before`, and the reverse, compared by their JSON. */
function listDiff(before: unknown, after: unknown) {
  const b = asList(before);
  const a = asList(after);
  const key = (x: unknown) => JSON.stringify(x);
  const bKeys = new Set(b.map(key));
  const aKeys = new Set(a.map(key));
  return { added: a.filter((x) => !bKeys.has(key(x))), removed: b.filter((x) => !aKeys.has(key(x))) };
}

/** Names of codes and identifiers, when the history came with them. */
export type Names = Readonly<Record<string, string>>;

const named = (code: string, names: Names) => (names[code] ? `${names[code]} (${code})` : code);

function counted(n: number, [one, many]: [string, string], codes: string[], names: Names): string {
  const shown =
    codes
      .slice(0, 5)
      .map((c) => named(c, names))
      .join(', ') + (codes.length > 5 ? '…' : '');
  if (n === 1) return `${one} ${shown}`;
  return `${n} ${many} (${shown})`;
}

function perimeterSentence(before: unknown, after: unknown, names: Names): string {
  const parts: string[] = [];
  for (const [field, nouns] of Object.entries(PERIMETER_NOUNS)) {
    const { added, removed } = listDiff(asObject(before)[field], asObject(after)[field]);
    if (added.length > 0) parts.push(`+ ${counted(added.length, nouns, added.map(text), names)}`);
    if (removed.length > 0) parts.push(`− ${counted(removed.length, nouns, removed.map(text), names)}`);
  }
  return parts.join(' ; ') || 'inchangé';
}

function eventPhrase(e: unknown): string {
  const o = asObject(e);
  const label = EVENT_LABELS[o.type as keyof typeof EVENT_LABELS] ?? text(o.type);
  const when = day(o.date);
  const statut = o.statut ? ` (${statusWord(o.statut)})` : '';
  const note = text(o.note) ? ` — « ${text(o.note)} »` : '';
  return `${label}${when ? ` au ${when}` : ''}${statut}${note}`;
}

function postPhrase(p: unknown): string {
  const o = asObject(p);
  const details = [
    typeof o.etp === 'number' ? `${String(o.etp).replace('.', ',')} ETP` : '',
    asList(o.financeurs).length > 0 ? `financé par ${asList(o.financeurs).map(text).join(', ')}` : '',
    o.vacant ? 'vacant' : '',
  ].filter(Boolean);
  return `« ${text(o.intitule)} »${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function linkPhrase(x: unknown, names: Names): string {
  const o = asObject(x);
  const label = LINK_LABELS[o.type as LinkType] ?? text(o.type);
  const target = names[text(o.cible)];
  return `${label} ${target ? `« ${target} »` : text(o.cible)}`;
}

function namePhrase(x: unknown): string {
  const o = asObject(x);
  if (typeof x === 'string') return `« ${x} »`;
  if (o.nom !== undefined) return `« ${text(o.nom)} »${o.role ? ` (${text(o.role)})` : ''}`;
  if (o.titre !== undefined) return `« ${text(o.titre)} »`;
  if (o.cible !== undefined) return `${text(o.type).replace(/_/g, ' ')} ${text(o.cible)}`;
  return JSON.stringify(x);
}

/** One list field: what was added and removed, each item in words. */
function listSentence(before: unknown, after: unknown, phrase: (x: unknown) => string): string {
  const { added, removed } = listDiff(before, after);
  const parts = [...added.map((x) => `+ ${phrase(x)}`), ...removed.map((x) => `− ${phrase(x)}`)];
  return parts.join(' ; ') || 'réordonné';
}

function valuePhrase(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(vide)';
  const date = day(v);
  if (date) return date;
  if (typeof v === 'object') {
    const o = asObject(v);
    if (o.nom !== undefined) return `« ${text(o.nom)} »`;
    if (o.date !== undefined) return `${day(o.date) ?? text(o.date)}${o.par ? ` par ${text(o.par)}` : ''}`;
    return Object.entries(o)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${k} ${text(x)}`)
      .join(', ');
  }
  return `« ${text(v)} »`;
}

/**
 * The change of one field as a sentence: "+ 2 communes (42218, 42095)", "en projet → active au
 * 12 mars 2024", "+ signature au 1er mai 2013 (active)". `when` dates a status change.
 */
export function describeFieldChange(
  field: string,
  before: unknown,
  after: unknown,
  when?: string,
  names: Names = {},
): string {
  switch (field) {
    case 'statut': {
      const date = when ? day(when) : null;
      return `${statusWord(before)} → ${statusWord(after)}${date ? ` au ${date}` : ''}`;
    }
    case 'perimetre':
      return perimeterSentence(before, after, names);
    case 'evenements':
      return listSentence(before, after, eventPhrase);
    case 'coordination':
      return listSentence(before, after, postPhrase);
    case 'contacts':
    case 'sources':
    case 'signataires':
      return listSentence(before, after, namePhrase);
    case 'liens':
      return listSentence(before, after, (x) => linkPhrase(x, names));
    default:
      return `${valuePhrase(before)} → ${valuePhrase(after)}`;
  }
}
