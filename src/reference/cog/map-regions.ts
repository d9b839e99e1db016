import type { RegionTable } from '../../db/schema.ts';
import type { RawRegion } from './raw-types.ts';

/** regions.json → region rows; population is the sum of the région's current communes. */
export function mapRegions(raw: RawRegion[], populationByRegion: Map<string, number>): RegionTable[] {
  return raw.map((r) => ({
    code: r.code,
    nom: r.nom,
    chef_lieu: r.chefLieu ?? null,
    zone: r.zone ?? null,
    population: populationByRegion.get(r.code) ?? null,
  }));
}
