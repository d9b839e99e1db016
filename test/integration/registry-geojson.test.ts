import { feature } from 'topojson-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { RegistryExports } from '../../src/registry/exports/registry-exports.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedContours, tempSource } from '../helpers/reference-layers.ts';

const actor = systemActor('test');
let t: Awaited<ReturnType<typeof createTestApp>>;
let m: string;
let lot: string;

const HEADER = 'type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin';

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  m = `zgeo${process.pid}x${Math.random().toString(36).slice(2, 9)}`;
  const csv = [
    HEADER,
    `CLS;${m} contrat;actif;42218,42207;;;;;;`,
    `PTSM;${m} projet;suspendu;;;2A;;;;`,
    `CPTS;${m} communauté;en_projet;;244200770;;;;;`,
  ].join('\n');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/dynamiques',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.json(), res.body).toMatchObject({ valide: true, crees: 3 });
  lot = res.json().lot;
});
afterAll(async () => {
  await t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

const exportGeojson = () => t.app.inject({ url: '/api/dynamiques', query: { q: m, format: 'geojson' } });

type Fc = {
  type: string;
  features: {
    properties: { type: string; nom: string; statut: string };
    geometry: { coordinates: unknown[] };
  }[];
};
const byKind = (fc: Fc) => Object.fromEntries(fc.features.map((f) => [f.properties.type, f]));

describe('GeoJSON export', () => {
  it('409 with the command to run while contours are not loaded', async () => {
    const res = await exportGeojson();
    expect(res.statusCode).toBe(409);
    expect(res.json().erreur).toMatch(/contours.*npm run odts -- reference import contours FICHIER/);
  });

  it('one feature per dynamic, drawn from the outlines of the perimeter as entered', async () => {
    const square = (x: number) => [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 0],
      ],
    ];
    const contours = {
      available: async () => true,
      geometries: async (level: string, codes: string[]) =>
        new Map(
          codes
            .filter((c) => level !== 'commune' || c !== '42207')
            .map((c) => [c, { type: 'Polygon', coordinates: square(Number.parseInt(c, 36) % 100) }]),
        ),
    };
    const file = await new RegistryExports(t.ctx.services.registry, contours).export(actor, {
      q: m,
      format: 'geojson',
      tri: 'nom',
      page: 1,
      limit: 50,
    });
    const fc = JSON.parse(String(file.body)) as Fc;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    const f = byKind(fc);
    expect(f.PTSM?.properties).toMatchObject({ nom: `${m} projet`, statut: 'suspendu' });
    expect(f.PTSM?.geometry.coordinates).toEqual([square(Number.parseInt('2A', 36) % 100)]);
    expect(f.CPTS?.geometry.coordinates).toHaveLength(1); // the EPCI's own outline
    // 42207 has no outline: the covered communes that have one are drawn.
    expect(f.CLS?.geometry.coordinates).toEqual([square(Number.parseInt('42218', 36) % 100)]);
  });

  it('with real contours loaded by the reference importer', async () => {
    const topology = shippedContours();
    const pick = (layer: string, key: string, codes: string[]) => {
      const all = feature(topology, topology.objects[layer] as never) as unknown as {
        features: { properties: Record<string, string> }[];
      };
      return {
        type: 'FeatureCollection',
        features: all.features.filter((x) => codes.includes(x.properties[key] ?? '')),
      };
    };
    const layers = [
      ['departement', pick('departements', 'code', ['2A'])],
      ['epci', pick('epci', 'code', ['244200770'])],
      ['commune', pick('communes', 'code', ['42218', '42207'])],
    ] as const;
    for (const [niveau, collection] of layers) {
      const file = tempSource(`${niveau}.geojson`, JSON.stringify(collection));
      const report = await t.ctx.services.reference.importContours(actor, [file], { niveau, force: true });
      expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    }
    const res = await exportGeojson();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    const f = byKind(res.json() as Fc);
    for (const kind of ['CLS', 'PTSM', 'CPTS']) {
      expect(f[kind]?.geometry.coordinates.length, kind).toBeGreaterThan(0);
    }
    const rings = (f.CLS?.geometry.coordinates ?? []) as number[][][][];
    const inLoire = ([lon = 0, lat = 0]: number[]) => lon > 3 && lon < 5 && lat > 45 && lat < 46;
    expect(rings.flat(2).every(inLoire)).toBe(true);
  });
});
