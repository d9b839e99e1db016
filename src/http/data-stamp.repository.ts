import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * One read that changes whenever a public answer may change: the last history row (every versioned
 * write: dynamics, notices, glossary, sélections), the registry counters kept by triggers (writes by
 * hand in SQL too, migrations 0011 and 0012), the notice generation (links included), the reference
 * layers loaded and the statements on the QPV tables (migration 0037). Committed writes of any server on the same database show here.
 */
export class DataStampRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async read(): Promise<string> {
    const { rows } = await sql<{ s: string }>`
      select concat_ws('|',
        (select coalesce(max(id), 0) from historique),
        (select changes || ':' || dynamiques from registry_stamp),
        (select valeur from notice_generation),
        (select count(*) || ':' || coalesce(max(loaded_at)::text, '') from reference_layer),
        (select changes from layer_stamp)
      ) as s`.execute(this.db);
    return rows[0]?.s ?? '';
  }
}
