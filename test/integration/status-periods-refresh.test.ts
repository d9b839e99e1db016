import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedLedgerRepository } from '../../src/kernel/seeds/seed-ledger.repository.ts';
import { SeedLedger } from '../../src/kernel/seeds/seed-ledger.ts';
import { StatusPeriodsRepository } from '../../src/registry/status-periods.repository.ts';
import { refreshStatusPeriods, STATUS_RULES_VERSION } from '../../src/registry/status-periods-refresh.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({
      dateDebut: null,
      sources: [{ titre: 'Annuaire régional', url: null, consulte: '2019-05-01' }],
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
});
afterAll(async () => {
  await t.ctx.database.db.deleteFrom('dynamique').where('id', '=', id).execute();
  await t.close();
});

const storedPeriods = () =>
  t.ctx.database.db
    .selectFrom('dynamique_periode')
    .select(['statut', 'debut', 'fin'])
    .where('dynamique', '=', id)
    .orderBy('debut')
    .execute();

describe('status periods written by earlier rules', () => {
  it('are computed again once when the rules change, then left alone', async () => {
    const db = t.ctx.database.db;
    expect(await storedPeriods()).toEqual([
      { statut: 'inconnu', debut: '0001-01-01', fin: '2019-05-01' },
      { statut: 'actif', debut: '2019-05-01', fin: null },
    ]);
    // What the first rules stored: the declared status since the beginning of time.
    await db.deleteFrom('dynamique_periode').where('dynamique', '=', id).execute();
    await db
      .insertInto('dynamique_periode')
      .values({ dynamique: id, statut: 'actif', debut: '0001-01-01', fin: null })
      .execute();
    await db.deleteFrom('reference_layer').where('layer', '=', 'registre_periodes_statut').execute();
    const ledger = new SeedLedger(new SeedLedgerRepository(db));
    const repo = new StatusPeriodsRepository(db);

    expect(await refreshStatusPeriods(repo, ledger)).toBeGreaterThanOrEqual(1);
    expect(await storedPeriods()).toEqual([
      { statut: 'inconnu', debut: '0001-01-01', fin: '2019-05-01' },
      { statut: 'actif', debut: '2019-05-01', fin: null },
    ]);
    expect(await ledger.loadedVintage('registre_periodes_statut')).toBe(STATUS_RULES_VERSION);
    const old = await t.app.inject({
      url: '/api/dynamiques',
      query: { date: '2010-01-01', statut: 'actif' },
    });
    expect(old.json().items.map((i: { id: string }) => i.id)).not.toContain(id);

    // Same rules: nothing is read or written again.
    await db.deleteFrom('dynamique_periode').where('dynamique', '=', id).execute();
    expect(await refreshStatusPeriods(repo, ledger)).toBe(0);
    expect(await storedPeriods()).toEqual([]);
  });
});
