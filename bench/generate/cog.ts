import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RawCommune, RawDepartement, RawEpci, RawRegion } from '../../src/reference/cog/raw-types.ts';

const require = createRequire(import.meta.url);
const PACKAGE = '@etalab/decoupage-administratif';

export interface CogCommune {
  code: string;
  nom: string;
  /** INSEE type de nom en clair: which article and preposition the name takes. */
  liaison?: number;
  departement: string;
  region: string;
  population: number;
  codesPostaux: string[];
  epci: string | null;
}

export interface CogEpci {
  code: string;
  nom: string;
  type: string;
  population: number;
  /** Where most of its members are. */
  departement: string;
  membres: string[];
}

export interface CogDepartement {
  code: string;
  nom: string;
  liaison?: number;
  region: string;
}

/**
 * The real administrative reference, read from the same package the platform imports: current
 * communes of metropolitan France and overseas départements (ARS territories), their EPCI, départements
 * and régions, with lookups the generators need.
 */
export interface CogReference {
  communes: CogCommune[];
  communeByCode: Map<string, CogCommune>;
  epci: CogEpci[];
  epciByCode: Map<string, CogEpci>;
  departements: CogDepartement[];
  regions: RawRegion[];
  communesByDepartement: Map<string, CogCommune[]>;
  epciByDepartement: Map<string, CogEpci[]>;
  /** Also the arrondissements municipaux and former communes, for territory search queries. */
  raw: { communes: RawCommune[]; epci: RawEpci[] };
}

function readData<T>(file: string): T {
  const dir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
  return JSON.parse(fs.readFileSync(path.join(dir, 'data', file), 'utf8')) as T;
}

const ARS_ZONES = new Set(['metro', 'drom']);

type Extra = { zone?: string; typeLiaison?: number };

export function loadCogReference(): CogReference {
  const rawCommunes = readData<(RawCommune & Extra)[]>('communes.json');
  const rawEpci = readData<RawEpci[]>('epci.json');
  const rawDeps = readData<(RawDepartement & Extra)[]>('departements.json');
  const regions = readData<(RawRegion & { zone?: string })[]>('regions.json').filter((r) =>
    ARS_ZONES.has(r.zone ?? ''),
  );

  const epciOf = new Map<string, string>();
  for (const e of rawEpci) for (const m of e.membres) epciOf.set(m.code, e.code);

  const communes: CogCommune[] = rawCommunes
    .filter((c) => c.type === 'commune-actuelle' && ARS_ZONES.has(c.zone ?? '') && c.departement)
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      ...(c.typeLiaison === undefined ? {} : { liaison: c.typeLiaison }),
      departement: c.departement as string,
      region: c.region ?? '',
      population: c.population ?? 0,
      codesPostaux: c.codesPostaux ?? [],
      epci: epciOf.get(c.code) ?? null,
    }));
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const communesByDepartement = groupBy(communes, (c) => c.departement);

  const epci: CogEpci[] = rawEpci
    .map((e) => {
      const membres = e.membres.map((m) => m.code).filter((code) => communeByCode.has(code));
      const deps = groupBy(membres, (code) => communeByCode.get(code)?.departement ?? '');
      const main = [...deps.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0] ?? '';
      return {
        code: e.code,
        nom: e.nom,
        type: e.type,
        population: e.populationMunicipale ?? 0,
        departement: main,
        membres,
      };
    })
    .filter((e) => e.membres.length > 0);

  const departements = rawDeps
    .filter((d) => ARS_ZONES.has(d.zone ?? '') && communesByDepartement.has(d.code))
    .map((d) => ({
      code: d.code,
      nom: d.nom,
      region: d.region,
      ...(d.typeLiaison === undefined ? {} : { liaison: d.typeLiaison }),
    }));

  return {
    communes,
    communeByCode,
    epci,
    epciByCode: new Map(epci.map((e) => [e.code, e])),
    departements,
    regions,
    communesByDepartement,
    epciByDepartement: groupBy(epci, (e) => e.departement),
    raw: { communes: rawCommunes, epci: rawEpci },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
