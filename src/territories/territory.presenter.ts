import type { TerritoryEntry } from '../domain/territories/types.ts';

/** Search hit → public JSON item (fields of API.md, optional ones only when known). */
export function presentTerritoryItem(t: TerritoryEntry) {
  return {
    type: t.type,
    code: t.code,
    nom: t.nom,
    population: t.population,
    ...(t.departement ? { departement: t.departement } : {}),
    ...(t.region ? { region: t.region } : {}),
    ...(t.nature ? { nature: t.nature } : {}),
  };
}
