import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedLayer } from '../helpers/reference-layers.ts';
import { removeLots } from '../helpers/registry-cleanup.ts';

// The shipped QPV and contrats de ville are loaded, then the contracts become CONTRAT_VILLE dynamics:
// profiles count the QPV of a territory from the project's own file and say how many a kind reaches.
let t: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor('test');
const shippedQpv = JSON.parse(
  zlib.gunzipSync(fs.readFileSync(shippedLayer('qpv-2024.json.gz'))).toString('utf8'),
) as { code: string; departement: string; communes: string[] }[];

interface QpvFigures {
  nombre: number;
  population: number | null;
  populationConnue: number;
  couverture: Record<string, { qpv: number; part: number; population: number | null }>;
}

async function qpvOf(type: string, code: string): Promise<QpvFigures> {
  const res = await t.app.inject(`/api/territoires/${type}/${code}/profil`);
  expect(res.statusCode).toBe(200);
  return res.json().qpv as QpvFigures;
}

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  await t.ctx.services.reference.importQpv(actor, shippedLayer('qpv-2024.json.gz'), { force: true });
  await t.ctx.services.reference.importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'), {
    force: true,
  });
  await t.ctx.services.contratsVille.sync(actor);
});
afterAll(async () => {
  await removeLots(t.ctx.database.db, 'Contrats de ville créés depuis');
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

describe('QPV in territory profiles', () => {
  it('a département counts the QPV of the shipped list, and contrats de ville reach them', async () => {
    const expected = shippedQpv.filter((q) => q.departement === '69').length;
    expect(expected).toBeGreaterThan(10);
    const figures = await qpvOf('departement', '69');
    expect(figures.nombre).toBe(expected);
    const cv = figures.couverture.CONTRAT_VILLE;
    expect(cv?.qpv).toBeGreaterThan(0);
    expect(cv?.qpv).toBeLessThanOrEqual(expected);
    expect(cv?.part).toBeCloseTo((cv?.qpv ?? 0) / expected, 10);
    // The shipped 2024 list gives no population: the profile says so instead of inventing zero.
    expect(figures.population).toBeNull();
    expect(figures.populationConnue).toBe(0);
  });

  it('a commune counts only the quartiers lying in it, a QPV profile counts itself', async () => {
    const inCommune = shippedQpv.filter((q) => q.communes.includes('01053')).map((q) => q.code);
    expect(inCommune.length).toBeGreaterThanOrEqual(2);
    expect((await qpvOf('commune', '01053')).nombre).toBe(inCommune.length);
    const one = await qpvOf('qpv', inCommune[0] as string);
    expect(one.nombre).toBe(1);
  });

  it('a known population is summed, and a commune without QPV answers zero', async () => {
    const code = shippedQpv.find((q) => q.departement === '01')?.code as string;
    await t.ctx.database.db.updateTable('qpv').set({ population: 1234 }).where('code', '=', code).execute();
    const dep = await qpvOf('departement', '01');
    expect(dep.population).toBe(1234);
    expect(dep.populationConnue).toBe(1);
    const none = await qpvOf('commune', '01001');
    expect(none).toMatchObject({ nombre: 0, population: null, populationConnue: 0 });
    expect(none.couverture.CONTRAT_VILLE).toEqual({ qpv: 0, part: 0, population: null });
  });

  it('the état des lieux of a département has a QPV section and key figure', async () => {
    const expected = shippedQpv.filter((q) => q.departement === '69').length;
    const doc = await t.ctx.services.reports.etatDesLieuxDocument(actor, { departement: '69' });
    const section = doc.sections.find((s) => s.id === 'quartiers-prioritaires');
    const text = JSON.stringify(section);
    expect(text).toContain(`${expected} quartiers prioritaires`);
    expect(text).toContain('Contrats de ville');
    expect(JSON.stringify(doc.sections[0])).toContain('quartiers prioritaires');
    const html = await t.app.inject('/api/rapports/etat-des-lieux?departement=69&format=html');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Quartiers prioritaires de la politique de la ville');
  });

  it('GET /api/qpv lists the quartiers of a département with their communes', async () => {
    const expected = shippedQpv.filter((q) => q.departement === '69');
    const res = await t.app.inject('/api/qpv?departement=69');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { generation: string; items: { code: string; communes: string[] }[] };
    expect(body.items.map((i) => i.code)).toEqual(expected.map((q) => q.code).sort());
    const first = expected[0] as { code: string; communes: string[] };
    expect(body.items.find((i) => i.code === first.code)?.communes).toEqual([...first.communes].sort());
    expect(body.generation).toMatch(/2024/);
    const bad = await t.app.inject('/api/qpv?departement=999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().champs.departement).toMatch(/département/);
    expect((await t.app.inject('/api/qpv')).statusCode).toBe(400);
  });

  it('the configuration matrix works on every shipped contrat de ville', async () => {
    const contrats = await t.ctx.services.reference.listContratsVille();
    const withCommunes = contrats.filter((c) => c.communes.length > 0).length;
    expect(withCommunes).toBeGreaterThan(400);
    const res = await t.app.inject('/api/analyses/configurations?base=CONTRAT_VILLE');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; configurations: { nombre: number }[] };
    expect(body.total).toBeGreaterThanOrEqual(withCommunes);
    expect(body.configurations.reduce((s, c) => s + c.nombre, 0)).toBe(body.total);
  });
});
