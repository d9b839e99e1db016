import type { DepartementTable } from '../../db/schema.ts';
import type { RawDepartement } from './raw-types.ts';

/** departements.json → departement rows; population is the sum of the département's current communes. */
export function mapDepartements(
  raw: RawDepartement[],
  populationByDepartement: Map<string, number>,
): DepartementTable[] {
  return raw.map((d) => ({
    code: d.code,
    nom: d.nom,
    region: d.region,
    chef_lieu: d.chefLieu ?? null,
    zone: d.zone ?? null,
    population: populationByDepartement.get(d.code) ?? null,
  }));
}
