import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function importRis(body: string, doublons = 'ignorer') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/ressources',
    query: { format: 'ris', doublons },
    headers: { 'content-type': 'text/plain' },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function search(marker: string): Promise<string[]> {
  const res = await t.app.inject({ url: '/api/ressources', query: { q: marker } });
  return res.json().items.map((i: { titre: string }) => i.titre);
}

const revert = (lot: string) => t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });

describe('reverting a change set of notices', () => {
  it('deletes the notices it created and restores those it completed, then searches no longer find them', async () => {
    const m = newMarker();
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: noticeBody({ titre: `${m} Rapport déjà saisi`, date: '2020' }),
    });
    expect(kept.statusCode).toBe(201);
    const keptId = kept.json().id;
    const report = await importRis(
      [
        'TY  - RPRT',
        `TI  - ${m} Rapport déjà saisi`,
        'PY  - 2020',
        'PB  - Fabrique Territoires Santé',
        'ER  - ',
        '',
        'TY  - RPRT',
        `TI  - ${m} Rapport nouveau`,
        'PY  - 2021',
        'ER  - ',
      ].join('\n'),
      'fusionner',
    );
    expect(report).toMatchObject({ crees: 1, modifies: 1 });
    expect((await t.app.inject(`/api/ressources/${keptId}`)).json()).toMatchObject({
      editeur: 'Fabrique Territoires Santé',
      version: 2,
    });
    expect((await search(m)).sort()).toEqual([`${m} Rapport déjà saisi`, `${m} Rapport nouveau`]);

    const res = await revert(report.lot);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ lot: report.lot, supprimees: 1, restaurees: 1 });
    expect(await search(m)).toEqual([`${m} Rapport déjà saisi`]);
    const restored = (await t.app.inject(`/api/ressources/${keptId}`)).json();
    expect(restored).toMatchObject({ editeur: null, version: 3 });
    const history = (await t.app.inject(`/api/ressources/${keptId}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual([
      'creation',
      'modification',
      'annulation',
    ]);
    expect((await t.app.inject(`/api/lots/${report.lot}`)).json()).toMatchObject({ annule: true });
    expect((await revert(report.lot)).statusCode).toBe(409);

    await t.app.inject({
      method: 'DELETE',
      url: `/api/ressources/${keptId}`,
      headers: { 'if-match': '"3"' },
    });
  });

  it('is refused while a notice of the change set was modified since, and then changes nothing', async () => {
    const m = newMarker();
    const report = await importRis(
      [
        `TY  - RPRT`,
        `TI  - ${m} Premier`,
        'PY  - 2019',
        'ER  - ',
        '',
        'TY  - RPRT',
        `TI  - ${m} Second`,
        'ER  - ',
      ].join('\n'),
    );
    expect(report.crees).toBe(2);
    const found = (await t.app.inject({ url: '/api/ressources', query: { q: `${m} premier` } })).json();
    const id = found.items[0].id;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/ressources/${id}`,
      headers: { 'if-match': '"1"' },
      payload: noticeBody({ titre: `${m} Premier corrigé` }),
    });
    expect(put.statusCode, put.body).toBe(200);

    const res = await revert(report.lot);
    expect(res.statusCode).toBe(409);
    expect(res.json().erreur).toMatch(/Premier corrigé/);
    expect((await search(m)).length).toBe(2);
    expect((await t.app.inject(`/api/lots/${report.lot}`)).json()).toMatchObject({ annule: false });

    // Deleted since: still refused, and said so; then the test removes what it created.
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/ressources/${id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(del.statusCode).toBe(204);
    const again = await revert(report.lot);
    expect(again.statusCode).toBe(409);
    expect(again.json().erreur).toMatch(/supprimée depuis/);
    const other = (await t.app.inject({ url: '/api/ressources', query: { q: m } })).json().items[0].id;
    await t.app.inject({ method: 'DELETE', url: `/api/ressources/${other}`, headers: { 'if-match': '"1"' } });
  });
});
