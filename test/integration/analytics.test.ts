import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Finistère (29, Bretagne 53) is left to this file so assertions hold on a shared server.
let t: Awaited<ReturnType<typeof createTestApp>>;
const ids: Record<string, string> = {};
const BREST = '29019';
const QUIMPER = '29232';
const MORLAIX = '29151';
const BREST_METROPOLE = '242900314';
const QUIMPER_AGGLO = '200068120';

async function create(key: string, overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: key, ...overrides }),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
}

const get = async (url: string, query: Record<string, string> = {}) => {
  const res = await t.app.inject({ url, query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  await clearDepartement(t.ctx.database.db, '29');
  const coordinated = [{ intitule: 'Coordinatrice', etp: 1, financeurs: ['ARS'], vacant: false }];
  await create('CV Brest', {
    type: 'CONTRAT_VILLE',
    perimetre: { epci: [BREST_METROPOLE] },
    dateDebut: '2015-01-01',
  });
  await create('CV Quimper', {
    type: 'CONTRAT_VILLE',
    perimetre: { epci: [QUIMPER_AGGLO] },
    dateDebut: '2015-01-01',
  });
  await create('CV Morlaix', {
    type: 'CONTRAT_VILLE',
    perimetre: { communes: [MORLAIX] },
    dateDebut: '2015-01-01',
  });
  await create('ASV Brest', {
    type: 'ASV',
    perimetre: { communes: [BREST] },
    dateDebut: '2016-01-01',
    coordination: coordinated,
  });
  await create('CLS Brest', {
    type: 'CLS',
    perimetre: { epci: [BREST_METROPOLE] },
    dateDebut: '2017-06-01',
    coordination: coordinated,
  });
  await create('CLS Quimper', {
    type: 'CLS',
    statut: undefined,
    perimetre: { communes: [QUIMPER] },
    evenements: [
      { date: '2014-01-01', type: 'signature' },
      { date: '2019-01-01', type: 'arret' },
    ],
  });
  await create('CLSM Brest', { type: 'CLSM', perimetre: { communes: [BREST] }, dateDebut: '2018-01-01' });
  await create('CPTS Morlaix', { type: 'CPTS', perimetre: { communes: [MORLAIX] }, dateDebut: '2020-01-01' });
});
afterAll(() => t.close());

describe('configuration matrix', () => {
  it('classifies every contrat de ville of the département by the health devices overlapping it', async () => {
    const r = await get('/api/analyses/configurations', {
      base: 'CONTRAT_VILLE',
      avec: 'ASV,CLS,CLSM',
      departement: '29',
      date: '2018-03-01',
    });
    expect(r.total).toBe(3);
    expect(r.configurations).toHaveLength(8);
    const by = Object.fromEntries(
      r.configurations.map((c: { libelle: string; dynamiques: string[] }) => [c.libelle, c.dynamiques]),
    );
    expect(by['CV + ASV, CLS et CLSM']).toEqual([ids['CV Brest']]);
    expect(by['CV + CLS seulement']).toEqual([ids['CV Quimper']]);
    expect(by['CV sans aucun dispositif santé']).toEqual([ids['CV Morlaix']]);
    // Each listed contrat comes with its name, so that the matrix links to it.
    expect(r.noms[ids['CV Brest'] as string]).toMatch(/Brest/);
    expect(Object.keys(r.noms).sort()).toEqual(Object.values(by).flat().sort());
  });

  it('answers as it was: after the Quimper CLS stopped, its CV has no health device', async () => {
    const r = await get('/api/analyses/configurations', {
      avec: 'ASV,CLS',
      departement: '29',
      date: '2020-01-01',
    });
    const none = r.configurations.find((c: { avec: string[] }) => c.avec.length === 0);
    expect(none.dynamiques.sort()).toEqual([ids['CV Morlaix'], ids['CV Quimper']].sort());
  });

  it('is downloadable as CSV', async () => {
    const res = await t.app.inject({
      url: '/api/analyses/configurations',
      query: { departement: '29', format: 'csv', date: '2018-03-01' },
    });
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toContain('CV sans aucun dispositif santé;;1;');
  });
});

describe('counts, coverage, articulation, evolution', () => {
  it('counts per département × kind × status', async () => {
    const r = await get('/api/analyses/comptages', {
      niveau: 'departement',
      departement: '29',
      date: '2020-06-01',
    });
    const n = (type: string, statut: string) =>
      r.items.find((i: { type: string; statut: string }) => i.type === type && i.statut === statut)?.nombre ??
      0;
    expect(
      r.items.every((i: { territoire: { code: string; nom: string } }) => i.territoire.code === '29'),
    ).toBe(true);
    expect(r.items[0].territoire.nom).toBe('Finistère');
    expect(n('CONTRAT_VILLE', 'actif')).toBe(3);
    expect(n('CLS', 'actif')).toBe(1);
    expect(n('CLS', 'arrete')).toBe(1);
    expect(n('CPTS', 'actif')).toBe(1);
  });

  it('coverage of Brest Métropole by CLS is complete, by ASV partial', async () => {
    const r = await get('/api/analyses/couverture', {
      niveau: 'epci',
      departement: '29',
      types: 'ASV,CLS',
      date: '2018-03-01',
    });
    const row = (type: string) =>
      r.items.find(
        (i: { territoire: { code: string }; type: string }) =>
          i.territoire.code === BREST_METROPOLE && i.type === type,
      );
    expect(row('CLS')).toMatchObject({ communes: 8, partCommunes: 1, partPopulation: 1 });
    expect(row('ASV').communes).toBe(1);
    expect(row('ASV').partPopulation).toBeGreaterThan(0.5);
    expect(row('ASV').partPopulation).toBeLessThan(1);
    expect(row('ZONE_BLANCHE').communes).toBe(0);
  });

  it('articulation pairs CPTS and CV sharing communes', async () => {
    const r = await get('/api/analyses/articulation', { a: 'CPTS', b: 'CONTRAT_VILLE', departement: '29' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      a: { id: ids['CPTS Morlaix'] },
      b: { id: ids['CV Morlaix'] },
      partA: 1,
      partB: 1,
    });
  });

  it('evolution lists creations, stops and net counts between two dates', async () => {
    const r = await get('/api/analyses/evolution', {
      departement: '29',
      depuis: '2018-03-01',
      jusqua: '2020-06-01',
    });
    expect(r.creees.map((d: { id: string }) => d.id)).toEqual([ids['CPTS Morlaix']]);
    expect(r.arretees.map((d: { id: string }) => d.id)).toEqual([ids['CLS Quimper']]);
    expect(r.solde).toMatchObject({ CPTS: 1, CLS: -1, ASV: 0 });
  });

  it.each([
    ['/api/analyses/configurations', { avec: 'ASV,XYZ' }, 'avec'],
    ['/api/analyses/comptages', { niveau: 'canton' }, 'niveau'],
    ['/api/analyses/evolution', {}, 'depuis'],
    ['/api/analyses/evolution', { depuis: '2020-01-01', jusqua: '2019-01-01' }, 'jusqua'],
    ['/api/analyses/couverture', { date: '2020-13-01' }, 'date'],
  ])('%s %j → 400 naming %s', async (url, query, field) => {
    const res = await t.app.inject({ url, query: query as Record<string, string> });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toContain(field);
  });
});

describe('territory profiles', () => {
  it('a commune: every dynamic covering it, coverage and gaps', async () => {
    const r = await get(`/api/territoires/commune/${BREST}/profil`, { date: '2018-03-01' });
    expect(r.territoire).toMatchObject({ type: 'commune', code: BREST, nom: 'Brest' });
    expect(r.dynamiques.map((d: { nom: string }) => d.nom).sort()).toEqual([
      'ASV Brest',
      'CLS Brest',
      'CLSM Brest',
      'CV Brest',
    ]);
    expect(r.couverture.CLS).toMatchObject({ communes: 1, partPopulation: 1 });
    expect(r.couverture.CPTS.communes).toBe(0);
    expect(r.lacunes).toContain('CLSM sans coordination : CLSM Brest');
    expect(r.lacunes).not.toContain('aucun CLS ne couvre ce territoire');
  });

  it('the département profile names a contrat de ville without ASV nor CLS', async () => {
    const r = await get('/api/territoires/departement/29/profil', { date: '2020-06-01' });
    expect(r.lacunes).toContain('contrat de ville sans ASV ni CLS : CV Morlaix');
    expect(r.lacunes).toContain('CPTS sans CLS : CPTS Morlaix');
    expect(r.couverture.CLS.partPopulation).toBeGreaterThan(0);
    expect(r.couverture.CLS.partPopulation).toBeLessThan(1);
  });

  it('lists the resources about the territory, its parents and the dynamics covering it', async () => {
    const marker = newMarker();
    const notice = async (titre: string, links: Record<string, unknown>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ressources',
        payload: noticeBody({ titre: `${marker} ${titre}`, ...links }),
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await notice('Finistère', { territoires: [{ type: 'departement', code: '29' }] });
    await notice('CLS brestois', { dynamiques: [ids['CLS Brest']] });
    await notice('Morbihan', { territoires: [{ type: 'departement', code: '56' }] });
    const r = await get(`/api/territoires/commune/${BREST}/profil`, { date: '2018-03-01' });
    const mine = (r.ressources as { titre: string; via: string }[])
      .filter((n) => n.titre.startsWith(marker))
      .map((n) => [n.titre.slice(marker.length + 1), n.via])
      .sort();
    expect(mine).toEqual([
      ['CLS brestois', 'dynamique'],
      ['Finistère', 'territoire'],
    ]);
  });

  it('lists the most recent resources first, then by title, undated last', async () => {
    const marker = newMarker();
    for (const [titre, date] of [
      ['Bilan', '2019'],
      ['Sans date', undefined],
      ['Diagnostic', '2021-05'],
      ['Atlas', '2021'],
    ] as const) {
      const body = noticeBody({
        titre: `${marker} ${titre}`,
        territoires: [{ type: 'commune', code: QUIMPER }],
      });
      if (!date) delete body.date;
      else body.date = date;
      const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload: body });
      expect(res.statusCode, res.body).toBe(201);
    }
    const r = await get(`/api/territoires/commune/${QUIMPER}/profil`);
    const mine = (r.ressources as { titre: string }[])
      .map((n) => n.titre)
      .filter((titre) => titre.startsWith(marker))
      .map((titre) => titre.slice(marker.length + 1));
    expect(mine).toEqual(['Atlas', 'Diagnostic', 'Bilan', 'Sans date']);
  });

  it('answers again from memory until a resource about the territory is written', async () => {
    const marker = newMarker();
    const path = `/api/territoires/commune/${BREST}/profil`;
    const titles = async () =>
      ((await get(path, { date: '2018-03-01' })).ressources as { titre: string }[])
        .map((n) => n.titre)
        .filter((titre) => titre.startsWith(marker));
    expect(await titles()).toEqual([]);
    expect(await titles()).toEqual([]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: noticeBody({ titre: `${marker} Brest`, territoires: [{ type: 'commune', code: BREST }] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await titles()).toEqual([`${marker} Brest`]);
  });

  it('reflects an edit made just before, though the records were presented once already', async () => {
    await create('MSP Morlaix', { type: 'MSP', perimetre: { communes: [MORLAIX] }, dateDebut: '2019-01-01' });
    const id = ids['MSP Morlaix'] as string;
    const names = async () =>
      (await get(`/api/territoires/commune/${MORLAIX}/profil`, { date: '2020-06-01' })).dynamiques
        .filter((d: { id: string }) => d.id === id)
        .map((d: { nom: string; version: number }) => `${d.nom} v${d.version}`);
    expect(await names()).toEqual(['MSP Morlaix v1']);
    const current = await t.app.inject(`/api/dynamiques/${id}`);
    const edited = { ...dynamicInput({ nom: 'MSP du pays de Morlaix' }), type: 'MSP' };
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: { ...edited, perimetre: { communes: [MORLAIX] }, dateDebut: '2019-01-01' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await names()).toEqual(['MSP du pays de Morlaix v2']);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': put.headers.etag as string },
    });
    expect(del.statusCode, del.body).toBe(204);
    expect(await names()).toEqual([]);
  });

  it('presents each dynamic of a profile as its own fiche does, perimeter order included', async () => {
    const r = await get('/api/territoires/departement/29/profil');
    const mine = (r.dynamiques as { id: string }[]).filter((d) => Object.values(ids).includes(d.id));
    expect(mine.length).toBeGreaterThan(3);
    for (const d of mine) expect(d).toEqual(await get(`/api/dynamiques/${d.id}`));
  });

  it('unknown territory → 404', async () => {
    const res = await t.app.inject('/api/territoires/commune/99999/profil');
    expect(res.statusCode).toBe(404);
  });

  it('an ad-hoc perimeter is compared with its département, région and France', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/territoires/perimetre/profil',
      payload: { communes: [MORLAIX], epci: [BREST_METROPOLE], date: '2020-06-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.territoire.communes).toBe(9);
    expect(r.comparaisons.map((c: { territoire: string }) => c.territoire)).toEqual([
      'département Finistère',
      'région Bretagne',
      'France',
    ]);
    expect(r.dynamiques.map((d: { nom: string }) => d.nom)).toContain('CPTS Morlaix');
  });

  it('an empty perimeter → 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/territoires/perimetre/profil', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs).toHaveProperty('communes');
  });
});

describe('spreadsheet downloads', () => {
  it('every analysis is downloadable as XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default;
    for (const [url, query] of [
      ['/api/analyses/comptages', { departement: '29' }],
      ['/api/analyses/configurations', { departement: '29', date: '2018-03-01' }],
      ['/api/analyses/couverture', { departement: '29' }],
      ['/api/analyses/articulation', { departement: '29', a: 'CPTS', b: 'CONTRAT_VILLE' }],
      ['/api/analyses/evolution', { departement: '29', depuis: '2018-01-01' }],
    ] as const) {
      const res = await t.app.inject({ url, query: { ...query, format: 'xlsx' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets[0]?.rowCount, url).toBeGreaterThan(1);
    }
  });
});
