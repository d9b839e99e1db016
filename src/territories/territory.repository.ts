import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { CommuneNature, TerritoryEntry, TerritoryRef } from '../domain/territories/types.ts';

/** Read access to the administrative reference. Only this file queries territory tables. */
export class TerritoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every territory, flattened for the in-memory search index. */
  async listEntries(): Promise<TerritoryEntry[]> {
    const [regions, departements, epci, communes] = await Promise.all([
      this.db.selectFrom('region').select(['code', 'nom', 'population']).execute(),
      this.db.selectFrom('departement').select(['code', 'nom', 'population', 'region']).execute(),
      this.epciWithMainDepartement(),
      this.db
        .selectFrom('commune')
        .select(['code', 'nom', 'population', 'departement', 'region', 'nature', 'codes_postaux'])
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

  findRegion(code: string) {
    return this.db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
  }

  findDepartement(code: string) {
    return this.db.selectFrom('departement').selectAll().where('code', '=', code).executeTakeFirst();
  }

  findEpci(code: string) {
    return this.db.selectFrom('epci').selectAll().where('code', '=', code).executeTakeFirst();
  }

  /** Current communes and arrondissements first: a commune déléguée may share its code with its chef-lieu. */
  findCommune(code: string) {
    return this.db
      .selectFrom('commune')
      .selectAll()
      .where('code', '=', code)
      .orderBy(
        sql`case nature when 'commune_actuelle' then 0 when 'arrondissement_municipal' then 1 else 2 end`,
      )
      .executeTakeFirst();
  }

  async departementsOfRegion(region: string): Promise<TerritoryRef[]> {
    const rows = await this.db
      .selectFrom('departement')
      .select(['code', 'nom'])
      .where('region', '=', region)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ type: 'departement', ...r }));
  }

  async communesWhere(
    column: 'departement' | 'epci' | 'commune_parent',
    value: string,
    natures: CommuneNature[],
  ): Promise<TerritoryRef[]> {
    const rows = await this.db
      .selectFrom('commune')
      .select(['code', 'nom', 'nature'])
      .where(column, '=', value)
      .where('nature', 'in', natures)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ type: 'commune', code: r.code, nom: r.nom, nature: r.nature }));
  }

  /** Départements and régions an EPCI's member communes belong to. */
  async parentsOfEpci(epci: string): Promise<TerritoryRef[]> {
    const rows = await this.db
      .selectFrom('commune as c')
      .innerJoin('departement as d', 'd.code', 'c.departement')
      .innerJoin('region as r', 'r.code', 'd.region')
      .select(['d.code as dep', 'd.nom as depNom', 'r.code as reg', 'r.nom as regNom'])
      .where('c.epci', '=', epci)
      .where('c.nature', '=', 'commune_actuelle')
      .groupBy(['d.code', 'd.nom', 'r.code', 'r.nom'])
      .orderBy('d.code')
      .execute();
    const deps = rows.map((r) => ({ type: 'departement' as const, code: r.dep, nom: r.depNom }));
    const regs = new Map(rows.map((r) => [r.reg, { type: 'region' as const, code: r.reg, nom: r.regNom }]));
    return [...deps, ...regs.values()];
  }

  async refsOf(refs: { type: 'epci' | 'departement' | 'region'; code: string | null }[]) {
    const out: TerritoryRef[] = [];
    for (const r of refs) {
      if (!r.code) continue;
      const row = await this.db
        .selectFrom(r.type)
        .select(['code', 'nom'])
        .where('code', '=', r.code)
        .executeTakeFirst();
      if (row) out.push({ type: r.type, ...row });
    }
    return out;
  }
}
