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

export const territoryIndexDefinition: SearchIndexDefinition<TerritoryEntry> = {
  text: (t) => t.nom,
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
