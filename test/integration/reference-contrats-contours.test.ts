import { sql } from 'kysely';
import { feature } from 'topojson-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/context.ts';
import {
  clearOptionalLayers,
  shippedContours,
  shippedLayer,
  tempSource,
} from '../helpers/reference-layers.ts';

const actor = systemActor('test');
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
});
afterAll(async () => {
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

const reference = () => t.ctx.services.reference;
const count = async (table: 'contrat_ville' | 'contrat_ville_commune' | 'contour') => {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    t.ctx.database.db,
  );
  return rows[0]?.n;
};
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

describe('odts reference import contrats-ville', () => {
  it('the shipped 2024 list: 448 contract territories, 446 contracts with their communes', async () => {
    const report = await reference().importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'));
    expect(report).toMatchObject({
      valid: true,
      written: true,
      format: 'liste JSON',
      unit: 'élément',
      read: 448,
      errors: [],
    });
    expect(report.counts).toMatchObject({ territoires: 448, contrats: 446 });
    expect(await count('contrat_ville')).toBe(448);

    const contrats = await reference().listContratsVille();
    expect(contrats).toHaveLength(446);
    const byCode = new Map(contrats.map((c) => [c.code, c]));
    // An EPCI contract covers the EPCI's member communes.
    expect(byCode.get('CN00101I')).toMatchObject({
      nom: 'CC Bugey Sud',
      departement: '01',
      population: 1104,
    });
    expect(byCode.get('CN00101I')?.communes.length).toBeGreaterThan(10);
    // Polynesia: one contract over two communes.
    expect(byCode.get('CN98701M')?.territoires).toEqual([
      { type: 'commune', code: '98712' },
      { type: 'commune', code: '98735' },
    ]);
    // Grand Paris: an EPT spanning two départements signs one contract in each.
    const orly91 = contrats.find((c) => c.territoires[0]?.code === '200058014' && c.departement === '91');
    expect(orly91?.territoires[0]?.type).toBe('ept');
    expect(orly91?.communes.every((c) => c.startsWith('91'))).toBe(true);
    // No département in the source ("NA"): the one of the EPCI's communes.
    expect(byCode.get('CN07303M')).toMatchObject({ departement: '73', population: null });
  });

  it('an unknown codgeo is reported with its feature number and nothing is written', async () => {
    const file = tempSource(
      'cv.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { codgeo: '200040350', code_cv: 'CN00101I', lib_cv: '01 - A' },
            geometry: null,
          },
          {
            type: 'Feature',
            properties: { codgeo: '200000000', code_cv: 'CN00102I', lib_cv: '01 - B' },
            geometry: null,
          },
          {
            type: 'Feature',
            properties: { codgeo: '99999', code_cv: 'CN00103I', lib_cv: '01 - C' },
            geometry: null,
          },
        ],
      }),
    );
    const report = await reference().importContratsVille(actor, file);
    expect(report).toMatchObject({ valid: false, written: false, unit: 'entité' });
    expect(report.errors).toEqual([
      {
        ligne: 2,
        champ: 'codgeo',
        message: 'EPCI ou établissement public territorial inconnu : 200000000',
      },
      { ligne: 3, champ: 'codgeo', message: 'commune inconnue : 99999' },
    ]);
    expect(await count('contrat_ville')).toBe(448);
  });

  it('the same file again is skipped', async () => {
    const report = await reference().importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'));
    expect(report.skipped).toBe(true);
  });
});

describe('odts reference import contours', () => {
  const topoFile = shippedLayer('contours.topo.json.gz');

  it('GET /api/contours answers 409 in French while contours are not loaded', async () => {
    const res = await get('/api/contours/region');
    expect(res.statusCode).toBe(409);
    expect(res.json().erreur).toMatch(
      /contours administratifs ne sont pas chargés.*reference import contours/,
    );
  });

  it('a GeoJSON of one level: that level is served, the others still answer 409', async () => {
    const topo = shippedContours();
    const regions = feature(topo, topo.objects.regions as never) as unknown as { features: unknown[] };
    const file = tempSource('regions.geojson', JSON.stringify(regions));
    const dry = await reference().importContours(actor, [file], { dryRun: true });
    expect(dry).toMatchObject({ valid: true, written: false, counts: { region: 18 } });
    expect(await count('contour')).toBe(0);

    const report = await reference().importContours(actor, [file]);
    expect(report).toMatchObject({ valid: true, written: true, counts: { region: 18 } });
    const res = await get('/api/contours/region');
    expect(res.statusCode).toBe(200);
    expect(res.json().features).toHaveLength(18);
    const communes = await get('/api/contours/commune?departement=65');
    expect(communes.statusCode).toBe(409);
    expect(communes.json().erreur).toMatch(/contours des communes ne sont pas chargés/);
  });

  it('the shipped TopoJSON: communes 34,868, EPCI 1,255, départements 101, régions 18', async () => {
    const report = await reference().importContours(actor, [topoFile]);
    expect(report).toMatchObject({ valid: true, written: true, format: 'TopoJSON', errors: [] });
    expect(report.counts).toEqual({ region: 18, departement: 101, epci: 1255, commune: 34_868 });
    expect(report.warnings).toEqual([]);
    expect(await count('contour')).toBe(18 + 101 + 1255 + 34_868);
    const again = await reference().importContours(actor, [topoFile]);
    expect(again.skipped).toBe(true);
  });

  it('GeoJSON of a département’s communes, with code and name, cacheable', async () => {
    const res = await get('/api/contours/commune?departement=65');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(400);
    const tarbes = body.features.find((f: { id: string }) => f.id === '65440');
    expect(tarbes.properties).toEqual({ code: '65440', nom: 'Tarbes', departement: '65', region: '76' });
    expect(['Polygon', 'MultiPolygon']).toContain(tarbes.geometry.type);
    expect(res.body.length).toBeLessThan(500_000);

    const cached = await get('/api/contours/commune?departement=65', {
      'if-none-match': String(res.headers.etag),
    });
    expect(cached.statusCode).toBe(304);
  });

  it('filters by région, and serves TopoJSON on request', async () => {
    const deps = (await get('/api/contours/departement?region=76')).json();
    expect(deps.features).toHaveLength(13);
    const epci = (await get('/api/contours/epci?departement=65')).json();
    expect(epci.features.map((f: { id: string }) => f.id)).toContain('200069300');
    const topo = await get('/api/contours/commune?departement=65&format=topojson');
    expect(topo.statusCode).toBe(200);
    const body = topo.json();
    expect(body.type).toBe('Topology');
    expect(body.objects.commune.geometries.length).toBeGreaterThan(400);
  });

  it('rejects France-wide communes, unknown filters and levels with French messages', async () => {
    const all = await get('/api/contours/commune');
    expect(all.statusCode).toBe(400);
    expect(all.json().erreur).toMatch(/région ou un département/);
    expect((await get('/api/contours/commune?region=99')).statusCode).toBe(404);
    const level = await get('/api/contours/canton');
    expect(level.statusCode).toBe(400);
    expect(level.json().champs).toHaveProperty('niveau');
    expect((await get('/api/contours/region?format=svg')).json().champs).toHaveProperty('format');
    const scale = await get('/api/contours/departement?echelle=monde');
    expect(scale.statusCode).toBe(400);
    expect(scale.json().champs).toHaveProperty('echelle');
  });

  it('gives a département with those around it, for a map framed on it', async () => {
    const codes = (await get('/api/contours/departement?autour=69'))
      .json()
      .features.map((f: { id: string }) => f.id);
    expect(codes).toContain('69');
    // Its neighbours, across a région border too (Saône-et-Loire), and nothing far away.
    for (const near of ['01', '38', '42', '71']) expect(codes).toContain(near);
    for (const far of ['29', '13', '2A', '974']) expect(codes).not.toContain(far);
    expect(codes.length).toBeLessThan(20);
    const wrongLevel = await get('/api/contours/region?autour=69');
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().champs).toHaveProperty('autour');
    expect((await get('/api/contours/departement?autour=99')).statusCode).toBe(404);
  });

  it('lightens the France-wide contours on request: every département, far fewer points', async () => {
    const points = (fc: { features: { geometry: { coordinates: unknown } }[] }) =>
      JSON.stringify(fc.features.map((f) => f.geometry.coordinates)).split('],[').length;
    const full = (await get('/api/contours/departement')).json();
    const light = await get('/api/contours/departement?echelle=france');
    expect(light.statusCode).toBe(200);
    const lightened = light.json();
    expect(lightened.features.map((f: { id: string }) => f.id)).toEqual(
      full.features.map((f: { id: string }) => f.id),
    );
    expect(lightened.features[0].properties).toEqual(full.features[0].properties);
    expect(points(lightened)).toBeLessThan(points(full) * 0.6);
    const topo = (await get('/api/contours/departement?format=topojson&echelle=france')).json();
    expect(topo.transform).toBeDefined();
    // Only x and y: the simplification's weights stay on the server.
    expect(topo.arcs.every((arc: number[][]) => arc.every((p) => p.length === 2))).toBe(true);
    expect(topo.objects.departement.geometries).toHaveLength(full.features.length);
  });
});
