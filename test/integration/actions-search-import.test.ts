import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/kernel/tabular/write-xlsx.ts';
import { actionBody, actionMarker } from '../factories/actions.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function create(overrides: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/actions', payload: actionBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const search = async (query: Record<string, string>) => {
  const res = await t.app.inject({ url: '/api/actions', query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const upload = (body: string | Buffer, dryRun: boolean, contentType = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports/actions?dryRun=${dryRun}`,
    headers: { 'content-type': contentType },
    payload: body,
  });

describe('faceted search on the grid fields', () => {
  const marker = actionMarker();
  beforeAll(async () => {
    await create({
      titre: `${marker} médiation santé`,
      echelle: 'quartier',
      politiques: ['mediation_sante'],
    });
    await create({
      titre: `${marker} vrac`,
      type: 'recit_experience',
      territoire: { epci: ['244200770'] },
      echelle: 'intercommunalite',
      financeurs: [{ type: 'fondation', nom: 'Fondation de France' }],
      politiques: [],
      partenaires: [],
      debut: '2010-06-01',
      fin: null,
    });
    await create({
      titre: `${marker} rurale`,
      type: 'fiche_inspirante',
      territoire: { communes: [] },
      echelle: 'departement',
      milieu: 'rural',
      financeurs: [],
      partenaires: [{ nom: 'Association locale', type: 'association' }],
    });
  });

  it('filters add up; list filters accept any of their values', async () => {
    expect((await search({ q: marker })).total).toBe(3);
    expect((await search({ q: marker, type: 'recit_experience,fiche_inspirante' })).total).toBe(2);
    expect((await search({ q: marker, echelle: 'quartier' })).items[0].titre).toBe(
      `${marker} médiation santé`,
    );
    expect((await search({ q: marker, financeur: 'ARS' })).total).toBe(1);
    expect((await search({ q: marker, financeur: 'ARS,fondation' })).total).toBe(2);
    expect((await search({ q: marker, milieu: 'rural' })).total).toBe(1);
    expect((await search({ q: marker, impliqueVille: 'true' })).total).toBe(1);
    expect((await search({ q: marker, politique: 'mediation_sante' })).total).toBe(1);
    expect(
      (await search({ q: marker, enCours: 'true' })).items.map((i: { titre: string }) => i.titre),
    ).toEqual([`${marker} vrac`]);
    // Years keep the actions running at some point in the range.
    expect((await search({ q: marker, anneeMin: '2016' })).total).toBe(3);
    expect((await search({ q: marker, anneeMin: '2020' })).total).toBe(1);
    expect((await search({ q: marker, anneeMax: '2012' })).total).toBe(1);
  });

  it('finds actions by territory: a commune of an EPCI, the département, the région', async () => {
    // 42218 (Saint-Étienne) belongs to Saint-Étienne Métropole (244200770).
    expect((await search({ q: marker, territoire: 'commune:42218' })).total).toBe(2);
    expect((await search({ q: marker, territoire: 'epci:244200770' })).total).toBe(2);
    expect((await search({ q: marker, departement: '42' })).total).toBe(2);
    expect((await search({ q: marker, region: '84' })).total).toBe(2);
    expect((await search({ q: marker, region: '11' })).total).toBe(0);
  });

  it('counts facets over the filtered set, with labels', async () => {
    const { facettes } = await search({ q: marker });
    expect(facettes.type).toEqual([
      { valeur: 'fiche_action', libelle: 'Fiche action', nombre: 1 },
      { valeur: 'fiche_inspirante', libelle: 'Fiche inspirante', nombre: 1 },
      { valeur: 'recit_experience', libelle: 'Récit d’expérience', nombre: 1 },
    ]);
    expect(facettes.financeur).toContainEqual({ valeur: 'ARS', libelle: 'ARS', nombre: 1 });
    // The metropolis counts small communes too: its setting is suggested mixed.
    expect(facettes.milieu).toEqual([
      { valeur: 'mixte', libelle: 'Urbain et rural', nombre: 1 },
      { valeur: 'rural', libelle: 'Rural', nombre: 1 },
      { valeur: 'urbain', libelle: 'Urbain', nombre: 1 },
    ]);
    expect(facettes.region).toEqual([{ valeur: '84', libelle: 'Auvergne-Rhône-Alpes', nombre: 2 }]);
    expect(facettes.annee.map((a: { valeur: string }) => a.valeur)).toEqual(['2015', '2010']);
  });

  it('pages and sorts', async () => {
    const page = await search({ q: marker, limit: '2', page: '2', tri: 'titre' });
    expect(page).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(page.items.map((i: { titre: string }) => i.titre)).toEqual([`${marker} vrac`]);
    const recent = await search({ q: marker, tri: 'debut' });
    expect(recent.items.at(-1).titre).toBe(`${marker} vrac`);
  });

  it('refuses bad filters with a French message naming the parameter', async () => {
    const res = await t.app.inject({ url: '/api/actions', query: { echelle: 'canton' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs.echelle).toMatch(/échelle inconnu : canton/);
    const years = await t.app.inject({ url: '/api/actions', query: { anneeMin: '2020', anneeMax: '2010' } });
    expect(years.json().champs.anneeMin).toBe('anneeMin dépasse anneeMax');
  });
});

describe('GET /api/analyses/actions', () => {
  it('computes the grid figures over the filtered set', async () => {
    const marker = actionMarker();
    await create({
      titre: `${marker} a`,
      territoire: { communes: ['42218'] },
      debut: '2010-01-01',
      fin: '2014-01-01',
    });
    await create({
      titre: `${marker} b`,
      milieu: 'rural',
      echelle: 'region',
      financeurs: [{ type: 'europe' }],
      partenaires: [],
      politiques: [],
      debut: '2012-01-01',
      fin: '2014-01-01',
    });
    const res = await t.app.inject({ url: '/api/analyses/actions', query: { q: marker } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      total: 2,
      partUrbain: 0.5,
      partRural: 0.5,
      partMultiFinancees: 0.5,
      partVille: 0.5,
      parEchelle: { commune: 0.5, region: 0.5 },
      politiquesLiees: { part: 0.5, parPolitique: { CLS: 0.5, contrat_ville: 0.5 } },
      duree: { nombre: 2, moyenne: 3, mediane: 3, min: 2, max: 4 },
    });
    expect(r.financeurs.find((f: { type: string }) => f.type === 'europe')).toEqual({
      type: 'europe',
      mentions: 1,
      partMentions: 0.3333,
      actions: 1,
      partActions: 0.5,
    });
    expect(r.pairesFinanceurs).toEqual([{ types: ['ARS', 'collectivite'], nombre: 1, part: 0.5 }]);
    const filtered = (
      await t.app.inject({ url: '/api/analyses/actions', query: { q: marker, milieu: 'rural' } })
    ).json();
    expect(filtered).toMatchObject({ total: 1, partRural: 1 });
    const bad = await t.app.inject({ url: '/api/analyses/actions', query: { financeur: 'banque' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().champs.financeur).toMatch(/financeur inconnu : banque/);
  });
});

describe('CSV and XLSX import and export', () => {
  it('an export imports back unchanged', async () => {
    const marker = actionMarker();
    await create({
      titre: `${marker} une`,
      partenaires: [{ nom: 'Ville de Lyon : service santé', type: 'commune' }],
    });
    await create({ titre: `${marker} deux`, financeurs: [{ type: 'europe', nom: null, montant: 5000.5 }] });
    const csv = await t.app.inject({ url: '/api/actions', query: { q: marker, format: 'csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^\uFEFFid;type;titre;resume;communes;epci;quartiers/);
    const report = (await upload(csv.body, false)).json();
    expect(report).toMatchObject({
      valide: true,
      lignes: 2,
      crees: 0,
      modifies: 0,
      inchanges: 2,
      erreurs: [],
    });

    const xlsx = await t.app.inject({ url: '/api/actions', query: { q: marker, format: 'xlsx' } });
    expect(xlsx.statusCode).toBe(200);
    const again = (await upload(xlsx.rawPayload, true, 'application/octet-stream')).json();
    expect(again).toMatchObject({ valide: true, lignes: 2, inchanges: 2 });
  });

  it('dry run reports, then the import creates in one change set that can be reverted', async () => {
    const marker = actionMarker();
    const file = [
      'type;titre;communes;echelle;financeurs;politiques;debut;fin',
      `fiche_action;${marker} A;42218;commune;ARS:ARS ARA:10000|collectivite:Ville;PRS,CLS;2014-01-01;2018-01-01`,
      `recit_experience;${marker} B;;region;;;2016-01-01;`,
    ].join('\n');
    const dry = (await upload(file, true)).json();
    expect(dry).toMatchObject({ valide: true, lignes: 2, crees: 2, dryRun: true, lot: null });
    expect((await search({ q: marker })).total).toBe(0);

    const done = (await upload(file, false)).json();
    expect(done).toMatchObject({ valide: true, crees: 2 });
    const found = await search({ q: marker, tri: 'titre' });
    expect(found.items[0]).toMatchObject({
      titre: `${marker} A`,
      financeurs: [
        { type: 'ARS', nom: 'ARS ARA', montant: 10000 },
        { type: 'collectivite', nom: 'Ville', montant: null },
      ],
      politiques: ['PRS', 'CLS'],
      milieu: 'urbain',
    });
    const history = (await t.app.inject(`/api/actions/${found.items[0].id}/historique`)).json();
    expect(history.items[0]).toMatchObject({ action: 'creation', source: 'import', lot: done.lot });

    const revert = await t.app.inject({ method: 'POST', url: `/api/lots/${done.lot}/annuler` });
    expect(revert.statusCode, revert.body).toBe(200);
    expect((await search({ q: marker })).total).toBe(0);
  });

  it('all or nothing: one bad line and nothing is written, each issue with its line and column', async () => {
    const marker = actionMarker();
    const file = [
      'type;titre;communes;echelle;financeurs;debut;fin;couleur',
      `fiche_action;${marker} bonne;42218;commune;;2014-01-01;;`,
      `fiche;${marker} mauvaise;42218;canton;banque:X;;;`,
      `fiche_action;${marker} dates;42218;commune;;2018-01-01;2017-01-01;`,
    ].join('\n');
    const report = (await upload(file, false)).json();
    expect(report.valide).toBe(false);
    expect(report.crees).toBe(0);
    expect(report.erreurs).toEqual([
      { ligne: 1, champ: 'couleur', message: 'colonne inconnue' },
      { ligne: 3, champ: 'type', message: expect.stringMatching(/type inconnu/) },
      { ligne: 3, champ: 'echelle', message: expect.stringMatching(/échelle inconnu/) },
      { ligne: 3, champ: 'financeurs', message: expect.stringMatching(/type de financeur inconnu/) },
      { ligne: 4, champ: 'fin', message: 'la fin précède le début' },
    ]);
    expect((await search({ q: marker })).total).toBe(0);
  });

  it('reports unknown codes and ids found only against the database', async () => {
    const marker = actionMarker();
    const file = [
      'id;type;titre;communes',
      `;fiche_action;${marker};99999`,
      `inconnue;fiche_action;${marker} bis;`,
    ].join('\n');
    const report = (await upload(file, true)).json();
    expect(report.erreurs).toEqual([
      { ligne: 2, champ: 'communes', message: 'commune inconnue : 99999' },
      { ligne: 3, champ: 'id', message: 'action inconnue : inconnue' },
    ]);
  });

  it('modifies an action named by its id', async () => {
    const marker = actionMarker();
    const { id } = await create({ titre: `${marker} avant` });
    const sheet = await toXlsx([
      { name: 'Actions', header: ['id', 'type', 'titre'], rows: [[id, 'fiche_action', `${marker} après`]] },
    ]);
    const report = (await upload(sheet, false, 'application/octet-stream')).json();
    expect(report).toMatchObject({ valide: true, modifies: 1 });
    expect((await t.app.inject(`/api/actions/${id}`)).json()).toMatchObject({
      titre: `${marker} après`,
      version: 2,
    });
  });
});
