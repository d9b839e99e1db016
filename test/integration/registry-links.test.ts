import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function create(overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; nom: string; version: number };
}

describe('typed links shown both ways', () => {
  it('reads a link from its source and from its target, with names and dates', async () => {
    const cls = await create({ type: 'CLS' });
    const clsm = await create({
      type: 'CLSM',
      liens: [{ type: 'volet_sante_mentale_de', cible: cls.id, debut: '2019-01-01' }],
    });
    const fromSource = await t.anonymous({ method: 'GET', url: `/api/dynamiques/${clsm.id}/liens` });
    expect(fromSource.statusCode).toBe(200);
    expect(fromSource.json()).toEqual({
      sortants: [
        {
          type: 'volet_sante_mentale_de',
          libelle: 'volet santé mentale de',
          dynamique: { id: cls.id, nom: cls.nom, type: 'CLS' },
          debut: '2019-01-01',
          fin: null,
        },
      ],
      entrants: [],
    });
    const fromTarget = (await t.anonymous({ method: 'GET', url: `/api/dynamiques/${cls.id}/liens` })).json();
    expect(fromTarget.sortants).toEqual([]);
    expect(fromTarget.entrants).toEqual([
      expect.objectContaining({
        libelle: 'a pour volet santé mentale',
        dynamique: { id: clsm.id, nom: clsm.nom, type: 'CLSM' },
      }),
    ]);
  });

  it('gives the names of the territories and linked dynamics its history mentions', async () => {
    const cls = await create({ type: 'CLS' });
    const clsm = await create({ type: 'CLSM', liens: [{ type: 'partenaire_de', cible: cls.id }] });
    const history = (
      await t.anonymous({ method: 'GET', url: `/api/dynamiques/${clsm.id}/historique` })
    ).json();
    expect(history.noms).toMatchObject({ [cls.id]: cls.nom, '42218': 'Saint-Étienne' });
  });

  it('forgets a removed link on both sides', async () => {
    const a = await create({ type: 'ASV' });
    const b = await create({ type: 'CLS', liens: [{ type: 'partenaire_de', cible: a.id }] });
    expect((await t.app.inject(`/api/dynamiques/${a.id}/liens`)).json().entrants).toHaveLength(1);
    const current = await t.app.inject(`/api/dynamiques/${b.id}`);
    const body = current.json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${b.id}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: {
        ...dynamicInput({ type: 'CLS' }),
        nom: body.nom,
        liens: [],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject(`/api/dynamiques/${a.id}/liens`)).json().entrants).toEqual([]);
    expect((await t.app.inject(`/api/dynamiques/${b.id}/liens`)).json().sortants).toEqual([]);
  });

  it('answers 404 in French for an unknown dynamic', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/dynamiques/inconnue/liens' });
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucune dynamique/);
  });
});
