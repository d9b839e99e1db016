import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Arbitrary key of the advisory lock taken while demo data load (several servers may start at once). */
const DEMO_LOCK = 2018_03_01;

/** The lock and the "already loaded" check for the shipped data files. */
export class DemoRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Serialises concurrent loads until the end of the transaction. */
  async lock(trx: Transaction<DB>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${DEMO_LOCK})`.execute(trx);
  }

  async loadedVintage(trx: Transaction<DB>, layer: string): Promise<string | null> {
    const row = await trx
      .selectFrom('reference_layer')
      .select('vintage')
      .where('layer', '=', layer)
      .executeTakeFirst();
    return row?.vintage ?? null;
  }
}
