import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { QpvInfo } from '../domain/analytics/qpv-coverage.ts';
import { InMemoryPerimeters } from './in-memory-perimeters.ts';

/** What a dynamic's perimeter is checked and expanded against. */
export type Perimeters = Pick<
  PerimeterRepository,
  | 'knownCommunes'
  | 'knownEpci'
  | 'knownDepartements'
  | 'qpvCommunes'
  | 'communesOfEpci'
  | 'communesOfDepartements'
>;

/** Resolves perimeters entered as communes, EPCI, départements or QPV into current commune codes. */
export class PerimeterRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Current communes among `codes` (arrondissements municipaux count as their own code). */
  async knownCommunes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('commune')
      .select('code')
      .where('code', 'in', codes)
      .where('nature', 'in', ['commune_actuelle', 'arrondissement_municipal'])
      .execute();
    return new Set(rows.map((r) => r.code));
  }

  async knownEpci(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.selectFrom('epci').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  }

  async knownDepartements(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.selectFrom('departement').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  }

  /** QPV → communes; empty when the QPV layer is not loaded. */
  async qpvCommunes(codes: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (codes.length === 0 || !(await this.hasQpvLayer())) return map;
    const { rows } = await sql<{ qpv: string; commune: string }>`
      select qpv, commune from qpv_commune where qpv in (${sql.join(codes)})`.execute(this.db);
    for (const r of rows) map.set(r.qpv, [...(map.get(r.qpv) ?? []), r.commune]);
    return map;
  }

  /**
   * QPV of the most recent generation lying (wholly or partly) in these communes, with all their communes.
   * Empty when the layer is not loaded (the tables exist from migration 0002 on: no catalogue lookup on
   * this profile path).
   */
  async qpvOfCommunes(communes: string[]): Promise<QpvInfo[]> {
    if (communes.length === 0) return [];
    const { rows } = await sql<{ code: string; nom: string; population: number | null; commune: string }>`
      select q.code, q.nom, q.population, all_c.commune
      from qpv q
      join qpv_commune all_c on all_c.qpv = q.code
      where q.generation = (select max(generation) from qpv)
        and q.code in (select qpv from qpv_commune where commune in (${sql.join(communes)}))
      order by q.code, all_c.commune`.execute(this.db);
    const byCode = new Map<string, QpvInfo>();
    for (const r of rows) {
      const q = byCode.get(r.code) ?? { code: r.code, nom: r.nom, population: r.population, communes: [] };
      q.communes.push(r.commune);
      byCode.set(r.code, q);
    }
    return [...byCode.values()];
  }

  /** Every QPV of every generation with its communes, in code order (the profiles keep them in memory). */
  async allQpv(): Promise<
    { code: string; nom: string; population: number | null; generation: string; commune: string }[]
  > {
    const { rows } = await sql<{
      code: string;
      nom: string;
      population: number | null;
      generation: string;
      commune: string;
    }>`
      select q.code, q.nom, q.population, q.generation, c.commune
      from qpv q join qpv_commune c on c.qpv = q.code
      order by q.code, c.commune`.execute(this.db);
    return rows;
  }

  /** Whether a QPV layer has been loaded (the table exists from the migrations on, maybe empty). */
  async qpvLoaded(): Promise<boolean> {
    const row = await this.db.selectFrom('qpv').select('code').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async hasQpvLayer(): Promise<boolean> {
    const { rows } = await sql<{ t: string | null }>`select to_regclass('qpv_commune')::text as t`.execute(
      this.db,
    );
    return Boolean(rows[0]?.t);
  }

  async communesOfEpci(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('commune')
      .select('code')
      .where('epci', 'in', codes)
      .where('nature', '=', 'commune_actuelle')
      .execute();
    return rows.map((r) => r.code);
  }

  /** The reference codes read once, for checks of thousands of perimeters (imports). */
  async inMemory(): Promise<InMemoryPerimeters> {
    const hasQpv = await this.hasQpvLayer();
    const [communes, epci, departements, qpv] = await Promise.all([
      this.db.selectFrom('commune').select(['code', 'nature', 'epci', 'departement']).execute(),
      this.db.selectFrom('epci').select('code').execute(),
      this.db.selectFrom('departement').select('code').execute(),
      hasQpv
        ? sql<{ qpv: string; commune: string }>`select qpv, commune from qpv_commune`.execute(this.db)
        : null,
    ]);
    const byQpv = qpv ? new Map<string, string[]>() : null;
    for (const r of qpv?.rows ?? []) byQpv?.set(r.qpv, [...(byQpv.get(r.qpv) ?? []), r.commune]);
    return new InMemoryPerimeters({
      communes: communes.map((c) => ({
        code: c.code,
        current: c.nature === 'commune_actuelle' || c.nature === 'arrondissement_municipal',
        actuelle: c.nature === 'commune_actuelle',
        epci: c.epci,
        departement: c.departement,
      })),
      epci: epci.map((e) => e.code),
      departements: departements.map((d) => d.code),
      qpv: byQpv,
    });
  }

  async communesOfDepartements(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('commune')
      .select('code')
      .where('departement', 'in', codes)
      .where('nature', '=', 'commune_actuelle')
      .execute();
    return rows.map((r) => r.code);
  }
}

/** Former commune code → current commune, from the COG's former codes and communes déléguées. */
export async function formerCommuneCodes(db: Kysely<DB>): Promise<Map<string, string>> {
  const { rows } = await sql<{ ancien: string; code: string }>`
    select unnest(anciens_codes) as ancien, code from commune where nature = 'commune_actuelle'
    union
    select code as ancien, commune_parent as code from commune
      where nature in ('commune_deleguee', 'commune_associee') and commune_parent is not null`.execute(db);
  return new Map(rows.map((r) => [r.ancien, r.code]));
}

/** Dynamics whose stored perimeter names a code that is no longer a current commune. */
export async function dynamicsWithStaleCommunes(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ dynamique: string }>`
    select distinct dc.dynamique from dynamique_commune dc
    where not exists (
      select 1 from commune c
      where c.code = dc.commune and c.nature in ('commune_actuelle', 'arrondissement_municipal'))
    order by 1`.execute(db);
  return rows.map((r) => r.dynamique);
}
