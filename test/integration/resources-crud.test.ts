import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp, TEST_ADMIN } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function create(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload: noticeBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return { body: res.json(), etag: res.headers.etag as string };
}

const put = (id: string, payload: unknown, ifMatch?: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/ressources/${id}`,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
    payload: payload as object,
  });

describe('notices CRUD', () => {
  it('creates a notice, returns it with an ETag, and reads it back', async () => {
    const { body, etag } = await create({
      auteurs: [{ nom: 'Dupont', prenom: 'Marie' }, { organisation: 'ARS Occitanie' }],
      conteneur: { titre: 'Santé publique', volume: '31' },
      date: '2019-03-12',
      doi: 'https://doi.org/10.3917/SPUB.192.0123',
      etiquettes: ['libre', 'CLS'],
    });
    expect(etag).toBe('"1"');
    expect(body).toMatchObject({
      type: 'rapport',
      annee: 2019,
      version: 1,
      doi: '10.3917/spub.192.0123',
      conteneur: { titre: 'Santé publique', volume: '31', numero: null },
      etiquettes: ['libre'],
      dispositifs: ['CLS'],
      // Not stated, so unknown: a notice's language is never assumed.
      langue: null,
    });
    const read = await t.app.inject(`/api/ressources/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(body);
  });

  it('updates with the right If-Match, bumps the version, records the history and reindexes', async () => {
    const marker = newMarker();
    const { body } = await create({ titre: `${marker} premier titre` });
    const changed = noticeBody({ titre: `${marker} titre corrigé`, themes: ['evaluation'] });
    const res = await put(body.id, changed, '"1"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      titre: `${marker} titre corrigé`,
      version: 2,
      themes: ['evaluation'],
    });

    const history = (await t.app.inject(`/api/ressources/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'modification']);
    expect(history.items[1]).toMatchObject({
      auteur: TEST_ADMIN,
      avant: { titre: `${marker} premier titre`, version: 1 },
      apres: { titre: `${marker} titre corrigé`, version: 2 },
    });

    const search = (await t.app.inject({ url: '/api/ressources', query: { q: `${marker} corrigé` } })).json();
    expect(search.items.map((i: { id: string }) => i.id)).toEqual([body.id]);
    const old = (await t.app.inject({ url: '/api/ressources', query: { q: `${marker} premier ` } })).json();
    expect(old.total).toBe(0);
  });

  it('PUT without If-Match → 428, with a stale one → 412, and nothing changes', async () => {
    const { body } = await create();
    const payload = noticeBody({ titre: 'Ne doit pas être enregistré' });
    const missing = await put(body.id, payload);
    expect(missing.statusCode).toBe(428);
    expect(missing.json().erreur).toMatch(/If-Match/);
    const stale = await put(body.id, payload, '"7"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().erreur).toMatch(/modifiée entre-temps/);
    expect((await t.app.inject(`/api/ressources/${body.id}`)).json().titre).toBe(body.titre);
  });

  it('two concurrent PUTs with the same ETag: exactly one 200 and one 412', async () => {
    const { body } = await create();
    const [a, b] = await Promise.all([
      put(body.id, noticeBody({ titre: 'Version A' }), '"1"'),
      put(body.id, noticeBody({ titre: 'Version B' }), '"1"'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
  });

  it('DELETE needs If-Match, then the notice is gone from reads and searches', async () => {
    const marker = newMarker();
    const { body } = await create({ titre: `${marker} à supprimer` });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/ressources/${body.id}` })).statusCode).toBe(
      428,
    );
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/ressources/${body.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject(`/api/ressources/${body.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/ressources', query: { q: marker } })).json().total).toBe(0);
    const history = (await t.app.inject(`/api/ressources/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'suppression']);
  });

  it('unknown notice → 404 in French', async () => {
    const res = await t.app.inject('/api/ressources/inconnue');
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucune notice/);
  });
});

describe('notice validation', () => {
  it('rejects invalid fields with a French 400 naming them, and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: { type: 'roman', titre: '', url: 'ftp://x', motsCles: ['inconnu'], date: '2019-13' },
    });
    expect(res.statusCode).toBe(400);
    const { champs } = res.json();
    expect(Object.keys(champs)).toEqual(expect.arrayContaining(['type', 'titre', 'url', 'date']));
    expect(champs.type).toMatch(/type inconnu/);
  });

  it('links must name existing dynamics and territories', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: noticeBody({ dynamiques: ['inconnue'], territoires: [{ type: 'commune', code: '99999' }] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().champs).toEqual({
      'dynamiques.0': 'dynamique inconnue : inconnue',
      'territoires.0': 'territoire inconnu : commune:99999',
    });
    const good = await create({
      territoires: [
        { type: 'departement', code: '42' },
        { type: 'commune', code: '42218' },
      ],
    });
    expect(good.body.territoires).toHaveLength(2);
  });
});

describe('duplicate check before entering a notice', () => {
  it('finds the same DOI, URL or title and year, and similar titles', async () => {
    const marker = newMarker();
    const { body } = await create({
      titre: `${marker} Guide des contrats locaux de santé`,
      date: '2020',
      url: `https://example.org/${marker}/guide`,
    });
    const check = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/ressources/doublons', payload }).then((r) => r.json());
    expect(
      (await check({ titre: 'Autre', url: `http://www.example.org/${marker}/guide/` })).doublons,
    ).toEqual([expect.objectContaining({ id: body.id, motif: 'url' })]);
    expect(
      (await check({ titre: `${marker} guide des contrats locaux de sante !`, date: '2020-05' })).doublons,
    ).toEqual([expect.objectContaining({ id: body.id, motif: 'titre_annee' })]);
    const similar = await check({
      titre: `${marker} Guide des contrats locaux de santé (2e édition)`,
      date: '2023',
    });
    expect(similar.doublons).toEqual([]);
    expect(similar.similaires.map((s: { id: string }) => s.id)).toContain(body.id);
  });
});
