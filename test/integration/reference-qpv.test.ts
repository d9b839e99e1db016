import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import type { LayerImportOptions } from '../../src/reference/import-report.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedLayer, tempSource } from '../helpers/reference-layers.ts';

const actor = systemActor('test');

// Four quartiers of the 2015 generation as INSEE publishes them (indicators, names of communes only).
const OCCITANIE_2015_CSV = [
  'code_qp,nom_qp,nom_commune,pop_mun',
  'QP009001,Coeur De Ville,Saint-Girons,1177',
  'QP065001,Tarbes Ouest,Tarbes,1516',
  'QP065002,Tarbes Nord,Tarbes,2357',
  'QP065003,Tarbes Est,"Séméac, Tarbes",3316',
].join('\n');
const POPULATION_2015 = 1177 + 1516 + 2357 + 3316;

/** The same quartiers' perimeters (squares standing in for the real outlines), INSEE property names. */
function occitanie2015Geojson(): string {
  const square = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ],
  });
  const feature = (code: string, nom: string, commune: string, x: number, y: number) => ({
    type: 'Feature',
    properties: { code_qp: code, nom_qp: nom, code_commune: commune, code_departement: code.slice(3, 5) },
    geometry: square(x, y),
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature('QP009001', 'Coeur De Ville', '09225', 1.14, 42.98),
      feature('QP065001', 'Tarbes Ouest', '65440', 0.05, 43.23),
      feature('QP065002', 'Tarbes Nord', '65440', 0.07, 43.25),
      feature('QP065003', 'Tarbes Est', '65440', 0.09, 43.23),
    ],
  });
}
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
});
afterAll(async () => {
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

const importQpv = (source: string, options: LayerImportOptions = {}) =>
  t.ctx.services.reference.importQpv(actor, source, options);
const get = async (url: string) => {
  const res = await t.app.inject(url);
  return { status: res.statusCode, body: res.json() };
};
const stats = async () => {
  const { rows } = await sql<{ qpv: number; links: number; population: number | null; contours: number }>`
    select (select count(*) from qpv) as qpv, (select count(*) from qpv_commune) as links,
      (select sum(population) from qpv where generation = '2015') as population,
      (select count(*) from qpv where contour is not null) as contours`.execute(t.ctx.database.db);
  return rows[0];
};

describe('odts reference import qpv', () => {
  it('health reports qpv: 0 while the layer is not loaded', async () => {
    expect((await get('/api/health')).body.reference.qpv).toBe(0);
  });

  it('the ANCT 2024 list: 1,493 QPV whose communes are all known', async () => {
    const report = await importQpv(shippedLayer('qpv-2024.json.gz'));
    expect(report).toMatchObject({
      valid: true,
      written: true,
      format: 'liste JSON',
      read: 1493,
      errors: [],
    });
    expect(report.vintage).toMatch(/^QPV 2024 · sha256:[0-9a-f]{12}$/);
    expect(report.counts.qpv).toBe(1493);
    expect(await stats()).toMatchObject({ qpv: 1493, links: report.counts.rattachements });
    expect((await get('/api/health')).body.reference.qpv).toBe(1493);
    const layers = await t.ctx.services.reference.layers();
    expect(layers.find((l) => l.layer === 'qpv')).toMatchObject({ vintage: report.vintage, row_count: 1493 });
    expect((await t.ctx.services.reference.missingLayers()).map((l) => l.layer)).not.toContain('qpv');
  });

  it('the same file again is skipped, unless forced', async () => {
    const again = await importQpv(shippedLayer('qpv-2024.json.gz'));
    expect(again).toMatchObject({ skipped: true, written: false });
    const forced = await importQpv(shippedLayer('qpv-2024.json.gz'), { force: true });
    expect(forced).toMatchObject({ skipped: false, written: true });
    expect((await stats())?.qpv).toBe(1493);
  });

  it('an INSEE 2015 CSV: QPV added, communes found by name, populations kept', async () => {
    const report = await importQpv(tempSource('qp.csv', OCCITANIE_2015_CSV));
    expect(report).toMatchObject({ valid: true, written: true, format: 'CSV', read: 4, unit: 'ligne' });
    expect(await stats()).toMatchObject({ qpv: 1493 + 4, population: POPULATION_2015 });
    const { body } = await get('/api/territoires/qpv/QP065003');
    expect(body.parents.map((p: { code: string }) => p.code)).toEqual(['65417', '65440', '65', '76']);
  });

  it('a 2015 GeoJSON brings perimeters and keeps the populations of the CSV', async () => {
    const report = await importQpv(tempSource('qp.geojson', occitanie2015Geojson()));
    expect(report).toMatchObject({
      valid: true,
      written: true,
      format: 'GeoJSON',
      read: 4,
      unit: 'entité',
    });
    expect(await stats()).toMatchObject({ qpv: 1497, population: POPULATION_2015, contours: 4 });
  });

  it('a file with errors writes nothing and lists every bad line with its field', async () => {
    const before = await stats();
    const layer = (await t.ctx.services.reference.layers()).find((l) => l.layer === 'qpv');
    const file = tempSource(
      'qp-erreurs.csv',
      [
        'code_qp;nom_qp;nom_commune;pop_mun',
        'QP065099;Quartier valide;Tarbes;1200',
        'QX65;Code mal formé;Tarbes;10',
        'QP065098;Commune inconnue;Atlantis;10',
        'QP065097;Population illisible;Tarbes;beaucoup',
        'QP065099;Doublon;Tarbes;5',
      ].join('\n'),
    );
    const report = await importQpv(file);
    expect(report).toMatchObject({ valid: false, written: false, unit: 'ligne', read: 5 });
    expect(report.errors).toEqual([
      { ligne: 3, champ: 'code_qp', message: expect.stringMatching(/code de QPV mal formé : « QX65 »/) },
      {
        ligne: 4,
        champ: 'nom_commune',
        message: 'commune inconnue dans le département 65 : « Atlantis »',
      },
      { ligne: 5, champ: 'pop_mun', message: expect.stringMatching(/« beaucoup »/) },
      { ligne: 6, champ: 'code_qp', message: 'code QP065099 en double (déjà en 2)' },
    ]);
    expect(await stats()).toEqual(before);
    expect((await t.ctx.services.reference.layers()).find((l) => l.layer === 'qpv')).toEqual(layer);
  });

  it('--dry-run checks the whole file and writes nothing', async () => {
    const before = await stats();
    const file = tempSource(
      'qpv.json',
      JSON.stringify([{ code: 'QN06599X', nom: 'Essai', dep: '65', communes: ['65440'], population: 12 }]),
    );
    const report = await importQpv(file, { dryRun: true });
    expect(report).toMatchObject({ valid: true, dryRun: true, written: false, counts: { qpv: 1 } });
    expect(await stats()).toEqual(before);
    expect((await get('/api/territoires/qpv/QN06599X')).status).toBe(404);
  });

  it('an unreadable file is one error on the file', async () => {
    const report = await importQpv(tempSource('qpv.json', '{"type": "Feature"'));
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      { ligne: 0, champ: '(fichier)', message: expect.stringMatching(/JSON invalide/) },
    ]);
  });
});

describe('QPV as territories', () => {
  it('are found by name and by code, alone with type=qpv', async () => {
    const byName = await get('/api/territoires?q=grande%20reyssouze&type=qpv');
    expect(byName.body.items[0]).toEqual({
      type: 'qpv',
      code: 'QN00101M',
      nom: 'Grande Reyssouze Terre Des Fleurs',
      population: null,
      departement: '01',
      region: '84',
    });
    const byCode = await get('/api/territoires?q=QP009001');
    expect(byCode.body.items[0]).toMatchObject({
      type: 'qpv',
      code: 'QP009001',
      nom: 'Coeur De Ville',
      population: 1177,
    });
    const onlyQpv = await get('/api/territoires?q=centre&type=qpv&limit=20');
    expect(onlyQpv.body.items.length).toBeGreaterThan(5);
    expect(onlyQpv.body.items.every((i: { type: string }) => i.type === 'qpv')).toBe(true);
  });

  it('detail: name, population, communes, département and région as parents', async () => {
    const { status, body } = await get('/api/territoires/qpv/QN02A01M');
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'qpv', code: 'QN02A01M', population: null, enfants: [] });
    expect(body.parents.map((p: { type: string; code: string }) => `${p.type}:${p.code}`)).toEqual([
      'commune:2A247',
      'departement:2A',
      'region:94',
    ]);
    const girons = await get('/api/territoires/qpv/QP009001');
    expect(girons.body).toMatchObject({ nom: 'Coeur De Ville', population: 1177 });
  });

  it('a commune lists its QPV among its children', async () => {
    const { body } = await get('/api/territoires/commune/01053');
    const qpv = body.enfants
      .filter((e: { type: string }) => e.type === 'qpv')
      .map((e: { code: string }) => e.code);
    expect(qpv).toEqual(['QN00101M', 'QN00102M']);
  });

  it('unknown QPV → 404, malformed code → 400', async () => {
    expect((await get('/api/territoires/qpv/QN99999Z')).status).toBe(404);
    const bad = await get('/api/territoires/qpv/QPX');
    expect(bad.status).toBe(400);
    expect(bad.body.champs).toHaveProperty('code');
  });
});
