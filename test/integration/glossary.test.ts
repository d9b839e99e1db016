import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startupSeeds } from '../../src/platform.ts';
import { loadGlossarySeed } from '../../src/resources/glossary/glossary-seed.ts';
import { noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await loadGlossarySeed(startupSeeds(t.ctx).ledger, t.ctx.services.resources.glossary);
});
afterAll(() => t.close());

/** An acronym no other test uses. */
const newSigle = () => `ZZ${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, ifMatch?: string) =>
  t.app.inject({
    method,
    url,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
    ...(payload ? { payload } : {}),
  });

describe('shipped glossary', () => {
  it('is loaded once: a second load with the same file writes nothing', async () => {
    const again = await loadGlossarySeed(startupSeeds(t.ctx).ledger, t.ctx.services.resources.glossary);
    expect(again).toEqual({ skipped: true, crees: 0 });
    const all = (await t.app.inject('/api/glossaire')).json();
    const sigles = all.items.map((i: { sigle: string | null }) => i.sigle);
    for (const s of ['ACI', 'ARS', 'ASV', 'CdS', 'CLS', 'CLSM', 'CPTS', 'DAC', 'DTS', 'ESP', 'ESS', 'ISTS'])
      expect(sigles).toContain(s);
    for (const s of ['MSP', 'PTA', 'PRS', 'PTSM', 'QPV', 'URPS', 'PLSP', 'CPAM', 'CRSA', 'FIR', 'ANCT'])
      expect(sigles).toContain(s);
    const forms = all.items.map((i: { forme: string }) => i.forme);
    expect(forms).toEqual(expect.arrayContaining(['Promotion de la santé', 'Démocratie sanitaire']));
    expect(all.items[0]).toEqual(
      expect.objectContaining({
        sigle: expect.anything(),
        forme: expect.any(String),
        definition: expect.any(String),
        sources: expect.any(Array),
      }),
    );
  });

  it('searches acronyms, forms and definitions without regard to accents or case', async () => {
    const cls = (await t.app.inject('/api/glossaire?q=cls')).json();
    expect(cls.items.slice(0, 2).map((i: { sigle: string }) => i.sigle)).toEqual(['CLS', 'CLSM']);
    const demo = (await t.app.inject('/api/glossaire?q=DEMOCRATIE%20sanitaire')).json();
    expect(demo.items[0]).toMatchObject({ cle: 'democratie-sanitaire', sigle: null });
    const inDefinition = (await t.app.inject('/api/glossaire?q=precarite')).json();
    expect(inDefinition.items.map((i: { sigle: string }) => i.sigle)).toContain('PRAPS');
  });

  it('reads one entry by its acronym whatever the case, with an ETag', async () => {
    const res = await t.app.inject('/api/glossaire/cds');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    expect(res.json()).toMatchObject({ cle: 'CdS', forme: 'Centre de santé' });
    expect((await t.app.inject('/api/glossaire/INCONNU')).statusCode).toBe(404);
  });
});

describe('glossary API description', () => {
  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/glossaire',
        '/api/glossaire/{sigle}',
        '/api/glossaire/{sigle}/historique',
      ]),
    );
    expect(Object.keys(doc.paths['/api/glossaire/{sigle}'])).toEqual(['get', 'put', 'delete']);
  });
});

describe('glossary writes', () => {
  it('creates, updates with If-Match, records the history and deletes an entry', async () => {
    const sigle = newSigle();
    const body = { sigle, forme: 'Terme d’essai', definition: 'Première version.', termesLies: ['CLS'] };
    const created = await send('POST', '/api/glossaire', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect((await send('POST', '/api/glossaire', body)).statusCode).toBe(409);

    const url = `/api/glossaire/${sigle}`;
    const changed = { ...body, definition: 'Seconde version.' };
    expect((await send('PUT', url, changed)).statusCode).toBe(428);
    const updated = await send('PUT', url, changed, '"1"');
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ definition: 'Seconde version.', version: 2 });
    expect((await send('PUT', url, changed, '"1"')).statusCode).toBe(412);
    const renamed = await send('PUT', url, { ...changed, sigle: newSigle() }, '"2"');
    expect(renamed.statusCode).toBe(400);

    const history = (await t.app.inject(`${url}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'modification']);
    expect(history.items[1].avant).toMatchObject({ definition: 'Première version.', version: 1 });

    expect((await send('DELETE', url, undefined, '"2"')).statusCode).toBe(204);
    expect((await t.app.inject(url)).statusCode).toBe(404);
  });

  it('refuses unknown related entries and unknown notices, naming the field', async () => {
    const res = await send('POST', '/api/glossaire', {
      sigle: newSigle(),
      forme: 'Terme refusé',
      definition: 'Définition.',
      termesLies: ['NEXISTEPAS'],
      sources: [{ titre: 'Un rapport' }, { notice: 'notice-inconnue' }],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toEqual(['termesLies.0', 'sources.1.notice']);
  });
});

describe('glossary links in notices', () => {
  it('marks acronyms and terms of the abstract in the notice detail, new entries included', async () => {
    const sigle = newSigle();
    const created = await send(
      'POST',
      '/api/ressources',
      noticeBody({ resume: `Le CLS et le CLSM du territoire, avec le ${sigle}.`, origineResume: 'propre' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const linked = (body: { resumeLiens: { texte: string; terme?: string }[] }) =>
      body.resumeLiens.filter((s) => s.terme).map((s) => s.terme);
    expect(linked(created.json())).toEqual(['CLS', 'CLSM']);

    const term = await send('POST', '/api/glossaire', {
      sigle,
      forme: 'Sigle d’essai',
      definition: 'Pour le test.',
    });
    expect(term.statusCode).toBe(201);
    const detail = (await t.app.inject(`/api/ressources/${id}`)).json();
    expect(linked(detail)).toEqual(['CLS', 'CLSM', sigle]);
    expect(detail.resumeLiens.map((s: { texte: string }) => s.texte).join('')).toBe(detail.resume);

    await send('DELETE', `/api/ressources/${id}`, undefined, '"1"');
    await send('DELETE', `/api/glossaire/${sigle}`, undefined, '"1"');
  });
});
