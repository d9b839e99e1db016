import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** A QPV that exists only in tests of actions, in Saint-Étienne (the optional QPV layer may be absent). */
export const TEST_QPV = 'QN042ZZ9';

export async function addTestQpv(db: Kysely<DB>): Promise<void> {
  await sql`insert into qpv (code, nom, departement, population, generation, vintage)
    values (${TEST_QPV}, 'Quartier d’essai des actions', '42', 1000, '2024', 'test')
    on conflict (code) do nothing`.execute(db);
  await sql`insert into qpv_commune (qpv, commune) select ${TEST_QPV}, '42218'
    where not exists (select 1 from qpv_commune where qpv = ${TEST_QPV})`.execute(db);
}

export async function removeTestQpv(db: Kysely<DB>): Promise<void> {
  await sql`delete from qpv_commune where qpv = ${TEST_QPV}`.execute(db);
  await sql`delete from qpv where code = ${TEST_QPV}`.execute(db);
}
