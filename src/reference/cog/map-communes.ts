import type { CommuneNature, CommuneTable } from '../../db/schema.ts';
import type { RawCommune } from './raw-types.ts';

const NATURE: Record<RawCommune['type'], CommuneNature> = {
  'commune-actuelle': 'commune_actuelle',
  'commune-deleguee': 'commune_deleguee',
  'commune-associee': 'commune_associee',
  'arrondissement-municipal': 'arrondissement_municipal',
};

/**
 * communes.json → commune rows. Déléguées and associées point to their chef-lieu, arrondissements
 * municipaux to their city; both inherit the EPCI of that parent.
 */
export function mapCommunes(raw: RawCommune[], epciOf: Map<string, string>): CommuneTable[] {
  return raw.map((c) => {
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.chefLieu;
    const commune_parent = c.type === 'commune-actuelle' ? null : (parent ?? null);
    return {
      code: c.code,
      nature: NATURE[c.type],
      nom: c.nom,
      population: c.population ?? null,
      departement: c.departement ?? null,
      region: c.region ?? null,
      epci: epciOf.get(c.code) ?? (commune_parent ? (epciOf.get(commune_parent) ?? null) : null),
      commune_parent,
      anciens_codes: c.anciensCodes ?? [],
      codes_postaux: c.codesPostaux ?? [],
    };
  });
}

/** Sums the population of current communes by a key (département or région code). */
export function sumPopulation(rows: CommuneTable[], key: 'departement' | 'region'): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const k = r[key];
    if (r.nature !== 'commune_actuelle' || !k) continue;
    sums.set(k, (sums.get(k) ?? 0) + (r.population ?? 0));
  }
  return sums;
}
