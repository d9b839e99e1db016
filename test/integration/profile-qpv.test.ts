import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedLayer } from '../helpers/reference-layers.ts';
import { clearDepartement, removeLots } from '../helpers/registry-cleanup.ts';

// Indre-et-Loire (37) is left to this file: Tours (37261) has 8 of the département's QPV.
const TOURS = '37261';
const JOUE_LES_TOURS = '37122';
let t: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor('test');

interface ShippedQpv {
  code: string;
  departement: string;
  communes: string[];
  population?: number;
}
const shipped: ShippedQpv[] = JSON.parse(
  zlib.gunzipSync(fs.readFileSync(shippedLayer('qpv-2024.json.gz'))).toString('utf8'),
);

interface QpvBlock {
  nombre: number;
  population: number | null;
  populationConnue: number;
  couverture: Record<string, { nombre: number; part: number; population: number | null }>;
}

async function profile(type: string, code: string): Promise<QpvBlock> {
  const res = await t.app.inject({ url: `/api/territoires/${type}/${code}/profil` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().qpv;
}

async function create(overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  await clearDepartement(t.ctx.database.db, '37');
  await t.ctx.services.reference.importQpv(actor, shippedLayer('qpv-2024.json.gz'), { force: true });
  await t.ctx.services.reference.importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'), {
    force: true,
  });
  await t.ctx.services.contratsVille.sync(actor);
  const porteur = { nom: 'Ville de Tours', type: 'commune', code: TOURS };
  await create({ type: 'CLS', porteur, perimetre: { communes: [TOURS] }, dateDebut: '2016-01-01' });
  // Stopped: it covers nothing today.
  await create({
    type: 'ASV',
    porteur,
    perimetre: { communes: [TOURS, JOUE_LES_TOURS] },
    statut: 'arrete',
    dateDebut: '2010-01-01',
  });
}, 120_000);

afterAll(async () => {
  await clearDepartement(t.ctx.database.db, '37');
  await removeLots(t.ctx.database.db, 'Contrats de ville créés depuis');
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

describe('QPV in territory profiles, from the shipped 2024 list', () => {
  it('a commune: its QPV count, no population where the file gives none, coverage by kind', async () => {
    const inTours = shipped.filter((q) => q.communes.includes(TOURS));
    const onlyTours = inTours.filter((q) => q.communes.every((c) => c === TOURS));
    const q = await profile('commune', TOURS);
    expect(q.nombre).toBe(inTours.length);
    expect(q.nombre).toBeGreaterThan(1);
    expect(q.populationConnue).toBe(inTours.filter((x) => x.population !== undefined).length);
    expect(q.population).toBeNull();
    expect(q.couverture.CLS).toMatchObject({
      nombre: onlyTours.length,
      part: onlyTours.length / inTours.length,
    });
    expect(q.couverture.ASV).toMatchObject({ nombre: 0, part: 0, population: null });
  });

  it('a département: every QPV of its communes, shares of those covered by a CLS and a contrat de ville', async () => {
    const inDep = shipped.filter((x) => x.communes.some((c) => c.startsWith('37')));
    const q = await profile('departement', '37');
    expect(q.nombre).toBe(inDep.length);
    expect(q.nombre).toBe(15);
    const cls = inDep.filter((x) => x.communes.every((c) => c === TOURS)).length;
    expect(q.couverture.CLS?.nombre).toBe(cls);
    expect(q.couverture.CLS?.part).toBeCloseTo(cls / inDep.length, 10);
    expect(q.couverture.CLS?.part).toBeLessThan(1);

    // Communes covered by the contrats de ville of the département, read back from the registry.
    const res = await t.app.inject({
      url: '/api/dynamiques',
      query: { type: 'CONTRAT_VILLE', departement: '37', limit: '200' },
    });
    const contracts = res.json().items as { perimetre: { communes: string[] } }[];
    expect(contracts.length).toBeGreaterThan(0);
    const covered = new Set(contracts.flatMap((c) => c.perimetre.communes));
    const cv = inDep.filter((x) => x.communes.every((c) => covered.has(c))).length;
    expect(cv).toBeGreaterThan(0);
    expect(q.couverture.CONTRAT_VILLE?.nombre).toBe(cv);
  });

  it('a QPV profile counts that QPV alone', async () => {
    const one = shipped.find((x) => x.communes.length === 1 && x.communes[0] === TOURS) as ShippedQpv;
    const q = await profile('qpv', one.code);
    expect(q).toMatchObject({ nombre: 1, population: null, populationConnue: 0 });
    expect(q.couverture.CLS).toMatchObject({ nombre: 1, part: 1 });
  });

  it('the configuration matrix counts every shipped contrat de ville', async () => {
    const res = await t.app.inject({
      url: '/api/analyses/configurations',
      query: { base: 'CONTRAT_VILLE', avec: 'ASV,CLS,CLSM' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { total: number; configurations: { nombre: number; dynamiques: string[] }[] };
    const listed = new Set(r.configurations.flatMap((c) => c.dynamiques));
    expect(r.configurations.reduce((s, c) => s + c.nombre, 0)).toBe(r.total);
    const synced = await t.app.inject({
      url: '/api/dynamiques',
      query: { type: 'CONTRAT_VILLE', limit: '1' },
    });
    const all = synced.json().total as number;
    // 446 contracts; a contract whose territory resolves to no commune has no dynamic.
    expect(all).toBeGreaterThanOrEqual(440);
    expect(r.total).toBe(all);
    expect(listed.size).toBe(all);
  });

  it('the état des lieux of the département has a QPV section, in HTML and in DOCX', async () => {
    const cls = shipped.filter((x) => x.communes.every((c) => c === TOURS)).length;
    const html = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { departement: '37', format: 'html' },
    });
    expect(html.statusCode, html.body).toBe(200);
    const section = html.body.slice(html.body.indexOf('Quartiers prioritaires</h2>'));
    expect(section).toContain('15 quartiers prioritaires (génération 2024) : population non renseignée');
    expect(section).toMatch(new RegExp(`Contrat local de santé</t[hd]>\\s*<td[^>]*>${cls}</td>`));

    const docx = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { departement: '37', format: 'docx' },
    });
    expect(docx.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-qpv-')), 'rapport.docx');
    fs.writeFileSync(file, docx.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    expect(xml).toContain('Quartiers prioritaires couverts par type de dynamique');
    expect(xml).toContain('15 quartiers prioritaires');
  });
});
