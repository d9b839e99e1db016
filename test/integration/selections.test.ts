import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';
import { createNotices, selectionBody } from '../factories/selections.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: { a: string; b: string; c: string; d: string; w: string };
const created: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const m = newMarker();
  const [a, b, c, d, w] = await createNotices(t.app, [
    { titre: `${m} Décret relatif aux CLS`, type: 'texte_officiel', sousType: 'decret', date: '2016-01-26' },
    { titre: `${m} Guide du CLS`, type: 'guide', date: '2019' },
    { titre: `${m} Bilan national des CLS`, date: '2022-05' },
    { titre: `${m} Dix ans de CLS en Occitanie`, date: '2014' },
    {
      titre: `${m} Portail des CLS`,
      type: 'page_web',
      url: 'https://cls.example.org/',
      consulteLe: '2024-02-01',
    },
  ]);
  ids = { a, b, c, d, w } as typeof ids;
});
afterAll(async () => {
  for (const id of created) {
    const res = await t.app.inject(`/api/selections/${id}`);
    if (res.statusCode === 200)
      await t.app.inject({
        method: 'DELETE',
        url: `/api/selections/${id}`,
        headers: { 'if-match': res.headers.etag as string },
      });
  }
  await t.close();
});

async function create(body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/selections', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  created.push(res.json().id);
  return { body: res.json(), etag: res.headers.etag as string };
}

describe('sélections CRUD', () => {
  it('creates, reads, lists, updates with If-Match and deletes, recording the history', async () => {
    const m = newMarker();
    const { body, etag } = await create(selectionBody(m, ids));
    expect(etag).toBe('"1"');
    expect(body).toMatchObject({
      version: 1,
      nombreNotices: 5,
      titre: `${m} Sélection sur les contrats locaux de santé`,
    });
    expect(body.sections[0]).toMatchObject({ ordre: 'antechronologique', sitographie: false });
    const read = await t.app.inject(`/api/selections/${body.id}`);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(body);

    const list = await t.app.inject({ url: '/api/selections', query: { q: m } });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: body.id, nombreNotices: 5 }] });

    const changed = { ...selectionBody(m, ids), titre: `${m} Sélection révisée` };
    const url = `/api/selections/${body.id}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: changed })).statusCode).toBe(428);
    expect(
      (await t.app.inject({ method: 'PUT', url, payload: changed, headers: { 'if-match': '"7"' } }))
        .statusCode,
    ).toBe(412);
    const put = await t.app.inject({ method: 'PUT', url, payload: changed, headers: { 'if-match': '"1"' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.headers.etag).toBe('"2"');
    expect(put.json().titre).toBe(`${m} Sélection révisée`);

    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
    expect((await t.app.inject({ method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject(url)).statusCode).toBe(404);
    const history = (await t.app.inject(`${url}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual([
      'creation',
      'modification',
      'suppression',
    ]);
    expect(history.items[1].avant.titre).toBe(`${m} Sélection sur les contrats locaux de santé`);
    expect(history.items[1].apres.titre).toBe(`${m} Sélection révisée`);
  });

  it.each([
    [{ titre: '' }, 'titre'],
    [{ date: '2024-13' }, 'date'],
    [{ sections: [{ titre: 'S', ordre: 'aleatoire', notices: [] }] }, 'sections.0.ordre'],
    [{ sections: [{ titre: '', notices: [] }] }, 'sections.0.titre'],
    [{ glossaire: [{ sigle: 'CLS' }] }, 'glossaire.0.forme'],
  ])('invalid input %j → 400 naming %s, nothing written', async (patch, field) => {
    const m = newMarker();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/selections',
      payload: { ...selectionBody(m, ids), ...patch },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().champs)).toContain(field);
    expect((await t.app.inject({ url: '/api/selections', query: { q: m } })).json().total).toBe(0);
  });

  it('an unknown notice in a section or a citation outside the sélection → 400 naming it', async () => {
    const m = newMarker();
    const body = selectionBody(m, ids);
    body.sections[0]?.sections?.[0]?.notices.push({ notice: 'notice-inexistante' });
    const res = await t.app.inject({ method: 'POST', url: '/api/selections', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs).toEqual({
      'sections.0.sections.0.notices.1.notice': 'notice inconnue : notice-inexistante',
    });
    expect(res.json().erreur).toContain('notice-inexistante');

    const citing = { ...selectionBody(m, ids), introduction: 'Voir [[autre-notice]].' };
    const res2 = await t.app.inject({ method: 'POST', url: '/api/selections', payload: citing });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().champs.introduction).toMatch(/autre-notice/);
    expect((await t.app.inject({ url: '/api/selections', query: { q: m } })).json().total).toBe(0);
  });

  it('previews a draft: page, table of contents and numbered references, nothing written', async () => {
    const m = newMarker();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/selections/apercu',
      payload: selectionBody(m, ids),
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    // Antechronological by default: the 2022 report before the 2016 decree; a repeated notice keeps its number.
    expect(preview.references.map((r: { notice: string }) => r.notice)).toEqual([
      ids.c,
      ids.a,
      ids.b,
      ids.d,
      ids.w,
    ]);
    expect(preview.references.map((r: { numero: number }) => r.numero)).toEqual([1, 2, 3, 4, 5]);
    expect(preview.references[0].texte).toContain('Bilan national des CLS');
    expect(preview.sommaire.map((l: { libelle: string }) => l.libelle)).toContain('1.1 Guides pratiques');
    expect(preview.html).toContain(`${m} Sélection sur les contrats locaux de santé`);
    expect(preview.html).toContain('bilan national <a class="citation" href="#ref-1">(1)</a>');
    expect((await t.app.inject({ url: '/api/selections', query: { q: m } })).json().total).toBe(0);

    const wrong = selectionBody(m, ids);
    wrong.sections[1]?.notices.push({ notice: 'notice-inexistante' });
    const bad = await t.app.inject({ method: 'POST', url: '/api/selections/apercu', payload: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().champs).toEqual({
      'sections.1.notices.2.notice': 'notice inconnue : notice-inexistante',
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/selections'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.paths['/api/selections/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
    const format = doc.paths['/api/selections/{id}/export'].get.parameters.find(
      (p: { name: string }) => p.name === 'format',
    );
    expect(format.schema.enum).toEqual(['html', 'pdf', 'docx', 'ris', 'bibtex', 'csl-json']);
  });

  it('unknown sélection → 404 in French', async () => {
    const res = await t.app.inject('/api/selections/inconnue/export?format=html');
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucune sélection/);
  });
});
