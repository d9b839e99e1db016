import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * Deletes every dynamic covering a commune of the département, so that a test file owning that
 * département starts from an empty registry there even on a PostgreSQL server shared by the suite.
 */
export async function clearDepartement(db: Kysely<DB>, departement: string): Promise<void> {
  const touching = db
    .selectFrom('dynamique_commune')
    .select('dynamique')
    .where('commune', 'like', `${departement}%`);
  await db.deleteFrom('dynamique').where('id', 'in', touching).execute();
}

/** Deletes the dynamics created by the change sets whose description starts with `prefix`. */
export async function removeLots(db: Kysely<DB>, prefix: string): Promise<void> {
  const lots = db.selectFrom('lot').select('id').where('description', 'like', `${prefix}%`);
  const created = db.selectFrom('historique').select('entite_id').where('lot', 'in', lots);
  await db.deleteFrom('dynamique').where('id', 'in', created).execute();
}
