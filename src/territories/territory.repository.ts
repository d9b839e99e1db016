import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { QpvLink } from '../domain/territories/territory-tree.ts';
import type { TerritoryEntry } from '../domain/territories/types.ts';

/** Read access to the administrative reference. Only this file queries territory tables. */
export class TerritoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every territory, flattened for the in-memory search index and territory tree. */
  async listEntries(): Promise<TerritoryEntry[]> {
    const [regions, departements, epci, communes, qpv] = await Promise.all([
      this.db.selectFrom('region').select(['code', 'nom', 'population']).execute(),
      this.db.selectFrom('departement').select(['code', 'nom', 'population', 'region']).execute(),
      this.epciWithMainDepartement(),
      this.db
        .selectFrom('commune')
        .select([
          'code',
          'nom',
          'population',
          'departement',
          'region',
          'nature',
          'codes_postaux',
          'epci',
          'commune_parent',
        ])
        .execute(),
      this.db
        .selectFrom('qpv as q')
        .leftJoin('departement as d', 'd.code', 'q.departement')
        .select(['q.code', 'q.nom', 'q.population', 'q.departement', 'd.region'])
        .execute(),
    ]);
    return [
      ...regions.map((r) => ({ type: 'region' as const, ...r })),
      ...departements.map((d) => ({ type: 'departement' as const, ...d })),
      ...epci.map((e) => ({
        type: 'epci' as const,
        code: e.code,
        nom: e.nom,
        population: e.population,
        departement: e.departement ?? undefined,
        region: e.region ?? undefined,
      })),
      ...communes.map((c) => ({
        type: 'commune' as const,
        code: c.code,
        nom: c.nom,
        population: c.population,
        departement: c.departement ?? undefined,
        region: c.region ?? undefined,
        nature: c.nature,
        codesPostaux: c.codes_postaux,
        epci: c.epci ?? undefined,
        communeParent: c.commune_parent ?? undefined,
      })),
      ...qpv.map((q) => ({
        type: 'qpv' as const,
        code: q.code,
        nom: q.nom,
        population: q.population,
        departement: q.departement,
        region: q.region ?? undefined,
      })),
    ];
  }

  /** An EPCI may span départements: its main one is where most of its population lives. */
  private epciWithMainDepartement() {
    return this.db
      .selectFrom('epci as e')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('commune')
            .select(['epci', 'departement', 'region', sql<number>`sum(population)`.as('pop')])
            .where('nature', '=', 'commune_actuelle')
            .groupBy(['epci', 'departement', 'region'])
            .as('d'),
        (join) => join.onRef('d.epci', '=', 'e.code'),
      )
      .distinctOn('e.code')
      .select(['e.code', 'e.nom', 'e.population', 'd.departement', 'd.region'])
      .orderBy('e.code')
      .orderBy('d.pop', 'desc')
      .execute();
  }

  /** Version stamp of the reference, to know when an in-memory index is stale. */
  async referenceStamp(): Promise<string> {
    const row = await this.db
      .selectFrom('reference_layer')
      .select(
        sql<string>`coalesce(string_agg(layer || ':' || loaded_at::text, ',' order by layer), '')`.as('s'),
      )
      .executeTakeFirst();
    return row?.s ?? '';
  }

  /** Which communes each QPV lies in. */
  /** QPV of the most recent generation in a département, with their communes, in code order. */
  async qpvOfDepartement(departement: string) {
    const rows = await this.db
      .selectFrom('qpv as q')
      .innerJoin('qpv_commune as qc', 'qc.qpv', 'q.code')
      .select(['q.code', 'q.nom', 'q.population', 'q.generation', 'qc.commune'])
      .select((eb) => eb('q.contour', 'is not', null).as('hasContour'))
      .where('q.departement', '=', departement)
      .where('q.generation', '=', (eb) => eb.selectFrom('qpv').select((e) => e.fn.max('generation').as('g')))
      .orderBy('q.code')
      .orderBy('qc.commune')
      .execute();
    return rows;
  }

  qpvLinks(): Promise<QpvLink[]> {
    return this.db.selectFrom('qpv_commune').select(['qpv', 'commune']).execute();
  }
}
