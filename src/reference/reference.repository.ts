import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ProgressReporter } from './progress.ts';

const BATCH = 5000;

export type ReplaceableTable = 'region' | 'departement' | 'epci' | 'commune';

/**
 * Only place that writes reference tables. Rows go in as one JSON parameter per batch
 * (json_populate_recordset), which is an order of magnitude faster than multi-row VALUES on PGlite.
 */
export class ReferenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async layerVintage(layer: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('reference_layer')
      .select('vintage')
      .where('layer', '=', layer)
      .executeTakeFirst();
    return row?.vintage ?? null;
  }

  async layers() {
    return this.db.selectFrom('reference_layer').selectAll().orderBy('layer').execute();
  }

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async replaceRows(
    trx: Transaction<DB>,
    table: ReplaceableTable,
    rows: object[],
    progress?: ProgressReporter,
  ): Promise<void> {
    await trx.deleteFrom(table).execute();
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH));
      await sql`insert into ${sql.table(table)}
        select * from json_populate_recordset(null::${sql.table(table)}, ${batch}::json)`.execute(trx);
      progress?.({ step: table, done: Math.min(i + BATCH, rows.length), total: rows.length });
    }
  }

  async recordLayer(
    trx: Transaction<DB>,
    layer: { layer: string; vintage: string; source: string; row_count: number },
  ): Promise<void> {
    await trx
      .insertInto('reference_layer')
      .values({ ...layer, loaded_at: new Date() })
      .onConflict((oc) =>
        oc.column('layer').doUpdateSet({
          vintage: layer.vintage,
          source: layer.source,
          row_count: layer.row_count,
          loaded_at: new Date(),
        }),
      )
      .execute();
  }
}
