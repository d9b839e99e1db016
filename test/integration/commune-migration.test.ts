import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('perimeters survive commune mergers', () => {
  it('a perimeter stored with a former commune code is moved to the commune that absorbed it', async () => {
    // 01340 merged into Arboys en Bugey (01015); 42190 Rochetaillée is now associated with Saint-Étienne.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      payload: dynamicInput({ type: 'MSP', perimetre: { communes: ['01015', '42218'] } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const db = t.ctx.database.db;
    // Rewind the record as if it had been entered before the merger.
    await sql`update dynamique set document = jsonb_set(document, '{perimetre,communes}', '["01340","42190"]'::jsonb)
              where id = ${id}`.execute(db);
    await sql`delete from dynamique_commune where dynamique = ${id}`.execute(db);
    await sql`insert into dynamique_commune values (${id}, '01340'), (${id}, '42190')`.execute(db);

    const result = await t.ctx.services.registry.migrateMergedCommunes(systemActor('test'));
    expect(result.migrated).toBeGreaterThanOrEqual(1);
    expect(result.unresolved.filter((u) => u.dynamique === id)).toEqual([]);

    const after = (await t.app.inject(`/api/dynamiques/${id}`)).json();
    expect(after.perimetre.communes).toEqual(['01015', '42218']);
    expect(after.version).toBe(2);
    const history = (await t.app.inject(`/api/dynamiques/${id}/historique`)).json();
    const last = history.items.at(-1);
    expect(last.action).toBe('migration_commune');
    expect(last.auteur).toBe('test');
    expect(last.avant.perimetre.communes).toEqual(['01340', '42190']);
    expect(last.apres.perimetre.communes).toEqual(['01015', '42218']);

    // Nothing left to migrate: a second run changes nothing.
    const again = await t.ctx.services.registry.migrateMergedCommunes(systemActor('test'));
    expect(again.unresolved.filter((u) => u.dynamique === id)).toEqual([]);
    expect((await t.app.inject(`/api/dynamiques/${id}`)).json().version).toBe(2);
  });
});
