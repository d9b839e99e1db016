import type { EpciTable } from '../../db/schema.ts';
import type { RawEpci } from './raw-types.ts';

/** epci.json → epci rows (code = SIREN, nature = CC/CA/CU/METRO/MET69). */
export function mapEpci(raw: RawEpci[]): EpciTable[] {
  return raw.map((e) => ({
    code: e.code,
    nom: e.nom,
    nature: e.type,
    population: e.populationMunicipale ?? null,
  }));
}

/** Commune code → SIREN of the EPCI it belongs to. */
export function epciByCommune(raw: RawEpci[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of raw) for (const m of e.membres) map.set(m.code, e.code);
  return map;
}
