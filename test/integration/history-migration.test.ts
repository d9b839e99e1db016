import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

// A fresh embedded database, whatever DATABASE_URL says: the migration is checked from the older shape up.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
  await migrate(database.db, { upTo: 12 });
});
afterAll(() => database.close());

const OLD_ROWS = [
  ['dynamique', 'd1', null, 'creation', 'alice@example.org', null, { id: 'd1', version: 1, nom: 'A' }],
  [
    'dynamique',
    'd1',
    null,
    'modification',
    'bob@example.org',
    { id: 'd1', version: 1 },
    { id: 'd1', version: 2 },
  ],
  ['dynamique', 'd1', null, 'suppression', 'bob@example.org', { id: 'd1', version: 2 }, null],
  ['notice', 'n1', 'lot-1', 'creation', 'import', null, { id: 'n1', version: 1 }],
  ['notice', 'n1', 'lot-1', 'annulation', 'carol@example.org', { id: 'n1', version: 1 }, null],
  [
    'dynamique',
    'd2',
    null,
    'migration_commune',
    'démarrage',
    { id: 'd2', version: 4 },
    { id: 'd2', version: 5 },
  ],
  ['glossaire', 'CLS', null, 'creation', 'démarrage', null, { cle: 'CLS', version: 1 }],
] as const;

describe('migration 0013: one history shape', () => {
  it('keeps every row as it was and fills version and source from it', async () => {
    const db = database.db;
    await db
      .insertInto('lot')
      .values({ id: 'lot-1', auteur: 'import', description: 'test', nombre: 1 })
      .execute();
    for (const [entite, id, lot, action, auteur, avant, apres] of OLD_ROWS) {
      await sql`insert into historique (entite, entite_id, lot, action, auteur, avant, apres)
        values (${entite}, ${id}, ${lot}, ${action}, ${auteur},
          ${avant === null ? null : JSON.stringify(avant)}::jsonb, ${apres === null ? null : JSON.stringify(apres)}::jsonb)`.execute(
        db,
      );
    }
    const before = (
      await sql<Record<string, unknown>>`select id, entite, entite_id, lot, action, auteur, date, avant, apres
        from historique order by id`.execute(db)
    ).rows;

    const applied = await migrate(db);
    expect(applied.map((m) => m.version)).toContain(13);

    const after = await db.selectFrom('historique').selectAll().orderBy('id').execute();
    expect(after.map(({ version: _v, source: _s, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => [r.version, r.source])).toEqual([
      [1, 'interactif'],
      [2, 'interactif'],
      [2, 'interactif'],
      [1, 'import'],
      [1, 'annulation'],
      [5, 'systeme'],
      [1, 'systeme'],
    ]);
  });

  it('new rows without a source are interactive', async () => {
    await sql`insert into historique (entite, entite_id, action, auteur) values ('x', 'y', 'creation', 'z')`.execute(
      database.db,
    );
    const row = await database.db
      .selectFrom('historique')
      .selectAll()
      .where('entite', '=', 'x')
      .executeTakeFirst();
    expect(row?.source).toBe('interactif');
  });
});
