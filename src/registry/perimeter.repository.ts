import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

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
