import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ctx: AppContext;
beforeAll(async () => {
  t = await createTestApp();
  ctx = t.ctx;
});
afterAll(async () => t.close());

describe('writes counted by the embedded engine', () => {
  it('PGlite counts statements that write, not selects; a server has no counter', async () => {
    const writes = ctx.database.writes;
    if (ctx.database.kind === 'postgres') {
      expect(writes).toBeUndefined();
      return;
    }
    if (!writes) throw new Error('PGlite sans compteur d’écritures');
    const before = writes.value;
    await ctx.database.db.selectFrom('region').select('code').limit(1).execute();
    await sql`select 1`.execute(ctx.database.db);
    expect(writes.value).toBe(before);
    await ctx.database.db.updateTable('registry_stamp').set({ changes: sql`changes` }).execute();
    expect(writes.value).toBe(before + 1);
    await sql`with r as (select 1) update registry_stamp set changes = changes`.execute(ctx.database.db);
    expect(writes.value).toBe(before + 2);
  });

  it('a record removed by hand in SQL leaves the next profile and list', async () => {
    const marker = `Retirée à la main ${process.pid}-${Date.now()}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      payload: dynamicInput({ nom: marker, perimetre: { communes: ['29019'] } }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const seen = async () => {
      const profile = await t.anonymous({ url: '/api/territoires/commune/29019/profil' });
      const list = await t.anonymous({ url: '/api/dynamiques', query: { q: marker } });
      return [
        (profile.json().dynamiques as { id: string }[]).some((d) => d.id === id),
        (list.json().items as { id: string }[]).some((d) => d.id === id),
      ];
    };
    expect(await seen()).toEqual([true, true]);
    expect(await seen()).toEqual([true, true]);
    await ctx.database.db.deleteFrom('dynamique').where('id', '=', id).execute();
    expect(await seen()).toEqual([false, false]);
  });
});
