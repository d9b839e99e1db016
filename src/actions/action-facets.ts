import type { FacetCounts, FacetName } from '../domain/actions/action-filter.ts';
import type { ActionFacets } from '../domain/actions/responses.ts';
import { ACTION_VOCABULARIES } from './action-vocabularies.ts';

const YES_NO: Record<string, string> = { true: 'Oui', false: 'Non' };

/** Facet counts with their labels: most frequent first; years from the most recent. */
export function presentFacets(counts: FacetCounts, areaNames: Map<string, string>): ActionFacets {
  const label = (facet: FacetName, value: string): string => {
    if (facet === 'qpv' || facet === 'impliqueVille') return YES_NO[value] ?? value;
    if (facet === 'region' || facet === 'departement') return areaNames.get(`${facet}:${value}`) ?? value;
    if (facet === 'annee' || facet === 'dispositif') return value;
    return ACTION_VOCABULARIES[facet]?.find((v) => v.valeur === value)?.libelle ?? value;
  };
  const out = {} as ActionFacets;
  for (const [facet, m] of Object.entries(counts) as [FacetName, Map<string, number>][]) {
    const entries = [...m].map(([valeur, nombre]) => ({ valeur, libelle: label(facet, valeur), nombre }));
    entries.sort(
      facet === 'annee'
        ? (a, b) => b.valeur.localeCompare(a.valeur)
        : (a, b) => b.nombre - a.nombre || a.valeur.localeCompare(b.valeur),
    );
    out[facet] = entries;
  }
  return out;
}
