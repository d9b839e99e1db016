import type { DynamicPlaces } from '../analytics/places.ts';
import type { DynamicListFilters } from './list-filters.ts';
import { nextDay, type StatusPeriod } from './timeline.ts';

/** What a list filter reads of a dynamic (the analytics snapshot holds it for every record). */
export interface ListableDynamic {
  id: string;
  type: string;
  version: number;
  nomRecherche: string;
  verifieLe: string | null;
  dateFin: string | null;
  communes: string[];
  periods: StatusPeriod[];
}

export interface ListPage {
  total: number;
  refs: { id: string; version: number }[];
}

/**
 * Answers list filters from memory, or says it cannot (null) and the database answers. Lists through the
 * database read the 127,000 covered communes of a national registry on every territory filter.
 */
export interface ListSource {
  list(f: DynamicListFilters): Promise<ListPage | null>;
}

/** Filters whose answer memory does not hold: quartiers prioritaires need the QPV reference. */
export function memoryCanAnswer(f: DynamicListFilters): boolean {
  return f.territoires.every((t) => t.type !== 'qpv');
}

/** A record with its places, in the order of a sort. */
export interface ListEntry {
  d: ListableDynamic;
  places: DynamicPlaces;
}

/**
 * The same rules as `RegistryRepository.list`, on records in memory. `entries` holds every record in
 * the database's order for the asked sort (its collation decides, not JavaScript's), with its EPCI,
 * départements and régions computed beforehand: looking up 127,000 communes took 25 ms per list.
 * The loop is written plainly because it runs over the whole registry on every list.
 */
export function filterInMemory(entries: readonly ListEntry[], f: DynamicListFilters): ListPage {
  const types = f.types.length > 0 ? new Set<string>(f.types) : null;
  const fixedTerm = new Set<string>(f.fixedTermKinds);
  const statuts = f.statuts.length > 0 ? new Set<string>(f.statuts) : null;
  const communes = f.territoires.filter((t) => t.type === 'commune').map((t) => t.code);
  const above = f.territoires
    .filter((t) => t.type !== 'commune')
    .map((t) => ({ key: placeKey(t.type), code: t.code }));
  const start = (f.page - 1) * f.limit;
  const refs: ListPage['refs'] = [];
  let total = 0;
  for (const entry of entries) {
    const d = entry.d;
    if (types !== null && !types.has(d.type)) continue;
    if (!placed(entry, communes, above)) continue;
    if (!livesAt(d.periods, f.date, statuts)) continue;
    if (!hasWords(d.nomRecherche, f.texte)) continue;
    if (f.fraicheur === 'a_verifier' && !toVerify(d, f)) continue;
    if (f.echeance !== null && !renewalDue(d, f.today, f.echeance)) continue;
    if (f.fraicheur === 'a_renouveler' && !dueForRenewal(d, fixedTerm, f.renewBefore)) continue;
    if (total >= start && refs.length < f.limit) refs.push({ id: d.id, version: d.version });
    total += 1;
  }
  return { total, refs };
}

function placeKey(type: DynamicListFilters['territoires'][number]['type']): keyof DynamicPlaces {
  return type === 'epci' ? 'epci' : type === 'departement' ? 'departement' : 'region';
}

function placed(
  entry: ListEntry,
  communes: string[],
  above: { key: keyof DynamicPlaces; code: string }[],
): boolean {
  for (const code of communes) if (!entry.d.communes.includes(code)) return false;
  for (const t of above) if (!entry.places[t.key].includes(t.code)) return false;
  return true;
}

/** A period covers the date (with one of the asked statuses): the list's "as it was that day". */
function livesAt(periods: StatusPeriod[], date: string, statuts: Set<string> | null): boolean {
  for (const p of periods) {
    if (p.debut <= date && (p.fin === null || p.fin > date) && (statuts === null || statuts.has(p.statut))) {
      return true;
    }
  }
  return false;
}

function statusOn(periods: StatusPeriod[], date: string): string | null {
  for (const p of periods) if (p.debut <= date && (p.fin === null || p.fin > date)) return p.statut;
  return null;
}

function toVerify(d: ListableDynamic, f: DynamicListFilters): boolean {
  return d.verifieLe === null || d.verifieLe < f.verifyBefore || statusOn(d.periods, f.today) === 'echue';
}

/** Its term ends by `limit` and nothing renewed it; a term already over counts while échue today. */
export function renewalDue(
  d: { dateFin: string | null; periods: StatusPeriod[] },
  today: string,
  limit: string,
): boolean {
  if (d.dateFin === null || d.dateFin > limit) return false;
  if (statusOn(d.periods, nextDay(d.dateFin)) !== 'echue') return false;
  return d.dateFin >= today || statusOn(d.periods, today) === 'echue';
}

function hasWords(text: string, words: string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

function dueForRenewal(d: ListableDynamic, fixedTerm: Set<string>, renewBefore: string): boolean {
  if (!fixedTerm.has(d.type) || d.dateFin === null || d.dateFin > renewBefore) return false;
  for (const p of d.periods) if (p.statut === 'arrete' && p.fin === null) return false;
  return true;
}
