import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One shipped data set as loaded: its name, the version loaded (vintage or checksum), where it came from. */
export interface SeedRecord {
  name: string;
  vintage: string;
  source: string;
  rowCount: number;
}

/**
 * The only SQL of the seed ledger. Its rows live in `reference_layer`, next to the layers the importers
 * record there, so that one table tells what every first start (or import) has loaded.
 */
export class SeedLedgerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Serialises concurrent loads of the same data set (several servers starting at once) until commit. */
  async lock(trx: Transaction<DB>, key: number): Promise<void> {
    await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
  }

  async vintage(name: string, trx?: Transaction<DB>): Promise<string | null> {
    const row = await (trx ?? this.db)
      .selectFrom('reference_layer')
      .select('vintage')
      .where('layer', '=', name)
      .executeTakeFirst();
    return row?.vintage ?? null;
  }

  async record(trx: Transaction<DB>, record: SeedRecord): Promise<void> {
    const values = {
      vintage: record.vintage,
      source: record.source,
      row_count: record.rowCount,
      loaded_at: new Date(),
    };
    await trx
      .insertInto('reference_layer')
      .values({ layer: record.name, ...values })
      .onConflict((oc) => oc.column('layer').doUpdateSet(values))
      .execute();
  }
}
