import { SearchIndex, type SearchIndexDefinition } from '../text/search-index.ts';
import type { TerritoryEntry, TerritoryType } from './types.ts';

// Larger territories first when names tie ("Paris" the département before the arrondissements).
const TYPE_BOOST: Record<TerritoryType, number> = {
  region: 3,
  departement: 2.5,
  commune: 1,
  epci: 0.5,
  qpv: 0.2,
};

/** Former communes (déléguées, associées) stay findable but rank after current ones. */
const FORMER_COMMUNE_PENALTY = 2;

/**
 * Short names of the régions as people write them (keyed by INSEE code). Only unambiguous ones: two
 * letters such as "GE" would match the start of hundreds of names.
 */
const REGION_SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  '11': ['IDF'],
  '24': ['CVL'],
  '27': ['BFC'],
  '32': ['HDF'],
  '52': ['PDL'],
  '75': ['NAQ'],
  '84': ['AURA', 'ARA'],
  '93': ['PACA', 'Sud'],
};

export const territoryIndexDefinition: SearchIndexDefinition<TerritoryEntry> = {
  text: (t) => t.nom,
  // A QPV's code can be typed in part ("QN04" for the quartiers of the Alpes-de-Haute-Provence).
  aliases: (t) =>
    t.type === 'region' ? [...(REGION_SHORT_NAMES[t.code] ?? [])] : t.type === 'qpv' ? [t.code] : [],
  codes: (t) => ({ exact: [t.code], secondary: t.codesPostaux ?? [] }),
  boost: (t) => {
    const population = Math.log10((t.population ?? 0) + 1) * 0.5;
    const former = t.nature === 'commune_deleguee' || t.nature === 'commune_associee';
    return TYPE_BOOST[t.type] + population - (former ? FORMER_COMMUNE_PENALTY : 0);
  },
};

export function buildTerritoryIndex(entries: TerritoryEntry[]): SearchIndex<TerritoryEntry> {
  return new SearchIndex(entries, territoryIndexDefinition);
}
