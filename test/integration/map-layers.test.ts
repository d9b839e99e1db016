import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';
import {
  clearOptionalLayers,
  shippedContours,
  shippedLayer,
  tempSource,
} from '../helpers/reference-layers.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Haute-Vienne (87) is left to this file: its 9 QPV all lie in Limoges.
const LIMOGES = '87085';
let t: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor('test');

/** The shipped contours, with the communes of the Haute-Vienne only (a quicker import). */
function contoursOf87(): string {
  type Layer = { geometries: { properties?: { code?: string } }[] };
  const topology = shippedContours() as unknown as { objects: Record<string, Layer> };
  const communes = topology.objects.communes as Layer;
  communes.geometries = communes.geometries.filter((g) => g.properties?.code?.startsWith('87'));
  return tempSource('contours-87.topo.json', JSON.stringify(topology));
}

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  await clearDepartement(t.ctx.database.db, '87');
  await t.ctx.services.reference.importContours(actor, [contoursOf87()]);
  await t.ctx.services.reference.importQpv(actor, shippedLayer('qpv-2024.json.gz'), { force: true });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({
      type: 'CLS',
      porteur: { nom: 'Ville de Limoges', type: 'commune', code: LIMOGES },
      perimetre: { communes: [LIMOGES] },
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);

afterAll(async () => {
  await clearDepartement(t.ctx.database.db, '87');
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

describe('map layers', () => {
  it('QPV contours of a département: the communes they lie in when no perimeter was imported', async () => {
    const shipped = (
      JSON.parse(zlib.gunzipSync(fs.readFileSync(shippedLayer('qpv-2024.json.gz'))).toString('utf8')) as {
        code: string;
        departement: string;
      }[]
    ).filter((q) => q.departement === '87');
    const res = await t.app.inject({ url: '/api/contours/qpv', query: { departement: '87' } });
    expect(res.statusCode, res.body).toBe(200);
    const fc = res.json() as {
      features: { id: string; properties: { code: string; perimetre: string }; geometry: unknown }[];
    };
    expect(fc.features.map((f) => f.id).sort()).toEqual(shipped.map((q) => q.code).sort());
    expect(new Set(fc.features.map((f) => f.properties.perimetre))).toEqual(new Set(['communes']));
    const commune = await t.app.inject({ url: '/api/contours/commune', query: { departement: '87' } });
    const limoges = commune.json().features.find((f: { id: string }) => f.id === LIMOGES);
    expect(fc.features[0]?.geometry).toEqual(limoges.geometry);

    const topo = await t.app.inject({
      url: '/api/contours/qpv',
      query: { departement: '87', format: 'topojson' },
    });
    expect(Object.keys(topo.json().objects)).toEqual(['qpv']);
  });

  it('QPV contours need a région or a département', async () => {
    const res = await t.app.inject({ url: '/api/contours/qpv' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toContain('departement');
  });

  it('coverage by commune inside a département, and never for all of France', async () => {
    const res = await t.app.inject({
      url: '/api/analyses/couverture',
      query: { niveau: 'commune', departement: '87', types: 'CLS' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      territoire: { type: string; code: string; nom: string };
      type: string;
      partPopulation: number;
    }[];
    const limoges = items.find((i) => i.territoire.code === LIMOGES && i.type === 'CLS');
    expect(limoges).toMatchObject({ territoire: { type: 'commune', nom: 'Limoges' }, partPopulation: 1 });
    const other = items.find((i) => i.territoire.code !== LIMOGES && i.type === 'CLS');
    expect(other?.partPopulation).toBe(0);
    const all = await t.app.inject({ url: '/api/analyses/couverture', query: { niveau: 'commune' } });
    expect(all.statusCode).toBe(400);
  });
});
