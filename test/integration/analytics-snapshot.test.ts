import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotRepository } from '../../src/analytics/snapshot.repository.ts';
import { SnapshotCache } from '../../src/analytics/snapshot.ts';
import type { AppContext } from '../../src/context.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput as inputSchema } from '../../src/domain/registry/schemas.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestContext } from '../helpers/context.ts';

const actor = systemActor('test instantané');
let ctx: AppContext;
const created: string[] = [];

async function create(overrides: Record<string, unknown>): Promise<string> {
  const d = await ctx.services.registry.create(actor, inputSchema.parse(dynamicInput(overrides)));
  if (!d) throw new Error('no record');
  created.push(d.id);
  return d.id;
}

/** What a snapshot says of one dynamic, comparable between two snapshots. */
async function fullRead() {
  return new SnapshotCache(new SnapshotRepository(ctx.database.db)).get();
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.database.db.deleteFrom('dynamique').where('id', 'in', created).execute();
  await ctx.close();
});

describe('analytics snapshot after registry writes', () => {
  it('is reused while the registry does not change', async () => {
    await create({ type: 'CLS' });
    const a = await ctx.services.analytics.snapshot();
    expect(await ctx.services.analytics.snapshot()).toBe(a);
  });

  it('after an update, a creation and a removal, equals a snapshot read from scratch', async () => {
    const kept = await create({ type: 'CLS', perimetre: { communes: ['42218'] } });
    const removed = await create({ type: 'ASV', perimetre: { communes: ['42218'] } });
    const before = await ctx.services.analytics.snapshot();
    expect(before.byId.has(removed)).toBe(true);

    const current = await ctx.services.registry.get(actor, kept);
    await ctx.services.registry.update(
      actor,
      kept,
      inputSchema.parse(
        dynamicInput({
          nom: current.nom,
          type: 'CLSM',
          perimetre: { communes: ['42207'] },
          statut: 'suspendu',
        }),
      ),
      current.version,
    );
    await ctx.services.registry.remove(actor, removed, 1);
    const added = await create({ type: 'CPTS', perimetre: { communes: ['42207', '42218'] } });

    const after = await ctx.services.analytics.snapshot();
    const fresh = await fullRead();
    expect(after).not.toBe(before);
    expect(after.byId.get(kept)).toEqual(fresh.byId.get(kept));
    expect(after.byId.get(kept)?.type).toBe('CLSM');
    expect(after.byId.get(kept)?.communes).toEqual(['42207']);
    expect(after.byId.has(removed)).toBe(false);
    expect(after.byId.get(added)).toEqual(fresh.byId.get(added));
    expect(after.dynamics.length).toBe(fresh.dynamics.length);
    const ids = (commune: string, s: typeof after) =>
      (s.byCommune.get(commune) ?? []).map((d) => d.id).sort();
    expect(ids('42207', after)).toEqual(ids('42207', fresh));
    expect(ids('42218', after)).toEqual(ids('42218', fresh));
    expect(ids('42218', after)).not.toContain(kept);
  });

  it('is read again in full when dynamics are removed without history (by hand in SQL)', async () => {
    const id = await create({ type: 'MSP' });
    expect((await ctx.services.analytics.snapshot()).byId.has(id)).toBe(true);
    await ctx.database.db.deleteFrom('dynamique').where('id', '=', id).execute();
    expect((await ctx.services.analytics.snapshot()).byId.has(id)).toBe(false);
  });

  it('is read again after an edit made by hand in SQL, which leaves no history row', async () => {
    const id = await create({ type: 'CDS' });
    const before = await ctx.services.analytics.snapshot();
    expect(await ctx.services.analytics.snapshot()).toBe(before);
    await ctx.database.db
      .updateTable('dynamique')
      .set({ nom: 'Renommée en SQL' })
      .where('id', '=', id)
      .execute();
    expect((await ctx.services.analytics.snapshot()).byId.get(id)?.nom).toBe('Renommée en SQL');
  });

  it('drops a dynamic removed by hand in SQL next to an ordinary write', async () => {
    const gone = await create({ type: 'MSP' });
    const kept = await create({ type: 'CDS' });
    expect((await ctx.services.analytics.snapshot()).byId.has(gone)).toBe(true);
    await ctx.database.db.deleteFrom('dynamique').where('id', '=', gone).execute();
    await ctx.services.registry.update(
      actor,
      kept,
      inputSchema.parse(dynamicInput({ type: 'CDS', nom: 'Centre de santé renommé' })),
      1,
    );
    const after = await ctx.services.analytics.snapshot();
    expect(after.byId.has(gone)).toBe(false);
    expect(after.byId.get(kept)?.nom).toBe('Centre de santé renommé');
  });

  it('is kept as is when only something else wrote history (a notice)', async () => {
    await create({ type: 'ESP' });
    const before = await ctx.services.analytics.snapshot();
    await ctx.database.db
      .insertInto('historique')
      .values({
        entite: 'notice',
        entite_id: 'notice-sans-lien',
        action: 'creation',
        auteur: 'test',
        lot: null,
        avant: null,
        apres: JSON.stringify({ titre: 'Notice' }),
      })
      .execute();
    expect(await ctx.services.analytics.snapshot()).toBe(before);
  });
});
