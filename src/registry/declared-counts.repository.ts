import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DeclaredCount, DeclaredCountQuery } from '../domain/registry/declared-counts.ts';

/** Only place that reads and writes `declared_count`: totals published without their list of dynamics. */
export class DeclaredCountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(trx: Transaction<DB>, rows: DeclaredCount[]): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('declared_count')
      .values(
        rows.map((r) => ({
          region: r.region,
          departement: r.departement,
          type: r.type,
          nombre: r.nombre,
          date: r.date,
          source: r.source,
          note: r.note,
        })),
      )
      .execute();
  }

  /** Figures of one source written again (a campaign's tally recomputed): the earlier ones go, in one transaction. */
  async replaceSource(source: string, rows: DeclaredCount[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('declared_count').where('source', '=', source).execute();
      await this.insertMany(trx, rows);
    });
  }

  /** National figures first, then by region, département (regional total first), kind and date. */
  list(filters: DeclaredCountQuery) {
    let q = this.db
      .selectFrom('declared_count')
      .select(['region', 'departement', 'type', 'nombre', 'date', 'source', 'note']);
    if (filters.region) q = q.where('region', '=', filters.region);
    if (filters.departement) q = q.where('departement', '=', filters.departement);
    if (filters.type) q = q.where('type', '=', filters.type);
    return q
      .orderBy(sql`region nulls first`)
      .orderBy(sql`departement nulls first`)
      .orderBy('type')
      .orderBy('date')
      .orderBy('id')
      .execute();
  }
}
