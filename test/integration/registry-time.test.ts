import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { todayIso } from '../../src/domain/registry/timeline.ts';
import { startupSeeds } from '../../src/platform.ts';
import { readDemoData } from '../../src/registry/demo/demo-files.ts';
import { DEMO_DESCRIPTION, DEMO_LAYER, loadDemo } from '../../src/registry/demo/load-demo.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, shippedLayer } from '../helpers/reference-layers.ts';
import { removeLots } from '../helpers/registry-cleanup.ts';

// The shipped data (2018 survey snapshot, contrats de ville 2024) read on 1 March 2018 and today.
let t: Awaited<ReturnType<typeof createTestApp>>;
const SURVEY = '2018-03-01';
const today = todayIso();
const demo = readDemoData().dynamics.dynamiques;
const named = (cle: string) => demo.find((d) => d.cle === cle)?.nom as string;

async function removeDemo(db: Kysely<DB>) {
  await removeLots(db, DEMO_DESCRIPTION);
  await db.deleteFrom('reference_layer').where('layer', '=', DEMO_LAYER).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  await removeDemo(db);
  await loadDemo(startupSeeds(t.ctx).demo);
  await clearOptionalLayers(db);
  const actor = systemActor('test');
  await t.ctx.services.reference.importContratsVille(actor, shippedLayer('contrats-ville-2024.json.gz'), {
    force: true,
  });
  await t.ctx.services.contratsVille.sync(actor);
});
afterAll(async () => {
  await removeLots(t.ctx.database.db, 'Contrats de ville créés depuis');
  await removeDemo(t.ctx.database.db);
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

type Item = { id: string; nom: string; type: string };
async function evolution(depuis: string, jusqua: string) {
  const res = await t.app.inject({ url: '/api/analyses/evolution', query: { region: '84', depuis, jusqua } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    creees: Item[];
    arretees: Item[];
    changements: (Item & { nature: string; avant: string; apres: string })[];
    inconnues: Item[];
    solde: Record<string, number>;
  };
}

async function list(query: Record<string, string>) {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { limit: '1000', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { nom: string; statut: string | null; type: string }[];
}

const demoNames = new Set(demo.map((d) => d.nom));

describe('Auvergne-Rhône-Alpes between 1 March 2018 and today', () => {
  it('contrats de ville of the 2024 generation are created since', async () => {
    const e = await evolution(SURVEY, today);
    const created = e.creees.filter((i) => i.type === 'CONTRAT_VILLE').map((i) => i.nom);
    expect(created).toContain('Contrat de ville CC Bugey Sud');
    expect(created.filter((n) => demoNames.has(n))).toEqual([]);
    expect(e.solde.CONTRAT_VILLE).toBeGreaterThan(10);
  });

  it('CLS whose term ended with no renewal changed status to échue, and are not counted as stopped', async () => {
    const e = await evolution(SURVEY, today);
    const echues = e.changements.filter((c) => c.nature === 'statut' && c.apres === 'echue');
    for (const cle of ['ara-roannais-cls', 'ara-clermont-cls', 'ara-chambery-cls']) {
      expect(echues.find((c) => c.nom === named(cle))).toMatchObject({ avant: 'actif', apres: 'echue' });
    }
    expect(e.arretees.filter((i) => demoNames.has(i.nom))).toEqual([]);
    const now = await list({ region: '84', type: 'CLS', statut: 'echue' });
    expect(now.map((i) => i.nom)).toEqual(expect.arrayContaining([named('ara-clermont-cls')]));
    const then = await list({ region: '84', type: 'CLS', statut: 'echue', date: SURVEY });
    expect(then.filter((i) => demoNames.has(i.nom))).toEqual([]);
  });

  it('a survey record with a status is known on the survey date; one named without a status stays unknown', async () => {
    const e = await evolution(SURVEY, today);
    // Only the ones the survey names without telling how they stand (in this region: Échirolles).
    const unstated = demo
      .filter(
        (d) => d.cle.startsWith('ara-') && !d.statut && d.evenements.every((v) => v.type === 'verification'),
      )
      .map((d) => d.nom);
    expect(unstated).toEqual([named('ara-echirolles-msp'), named('ara-echirolles-asv')]);
    expect(
      e.inconnues
        .filter((i) => demoNames.has(i.nom))
        .map((i) => i.nom)
        .sort(),
    ).toEqual([...unstated].sort());
  });

  it('before the survey, statuses are unknown, never active', async () => {
    // The example: 17 CLS "active" in 2000, nine years before CLS existed.
    expect(
      (await list({ type: 'CLS', statut: 'actif', date: '2000-01-01' })).filter((i) => demoNames.has(i.nom)),
    ).toEqual([]);
    const unknown = await list({ region: '84', type: 'CLS', statut: 'inconnu', date: '2000-01-01' });
    expect(unknown.filter((i) => demoNames.has(i.nom)).length).toBeGreaterThanOrEqual(14);
    const e = await evolution('2017-06-01', SURVEY);
    const unknownThen = e.inconnues.map((i) => i.nom);
    expect(unknownThen).toContain(named('ara-lyon-cls'));
    // Stopped in 2017 after an unknown life: unknown in 2016, stopped on the survey date.
    expect((await evolution('2016-06-01', SURVEY)).inconnues.map((i) => i.nom)).toContain(
      named('ara-villefranche-asv'),
    );
    // A CLS signed in 2016 was created between 2015 and the survey.
    expect((await evolution('2015-06-01', SURVEY)).creees.map((i) => i.nom)).toContain(
      named('ara-clermont-cls'),
    );
  });

  it('counts, configurations and the list of renewals tell échue and unknown apart', async () => {
    const counts = await t.app.inject({
      url: '/api/analyses/comptages',
      query: { niveau: 'region', region: '84', types: 'CLS' },
    });
    const rows = counts.json().items as { statut: string; nombre: number }[];
    expect(rows.find((r) => r.statut === 'echue')?.nombre).toBeGreaterThanOrEqual(3);
    const old = await t.app.inject({
      url: '/api/analyses/comptages',
      query: { niveau: 'region', region: '84', types: 'CLS', date: '2000-01-01' },
    });
    const oldRows = old.json().items as { statut: string; nombre: number }[];
    expect(oldRows.filter((r) => r.statut === 'actif')).toEqual([]);
    expect(oldRows.find((r) => r.statut === 'inconnu')?.nombre).toBeGreaterThanOrEqual(14);

    const conf = await t.app.inject({
      url: '/api/analyses/configurations',
      query: { base: 'CONTRAT_VILLE', avec: 'ASV,CLS', region: '84', date: '2017-01-01' },
    });
    expect(conf.statusCode, conf.body).toBe(200);
    expect(conf.json().aPart.inconnu.length).toBeGreaterThanOrEqual(1);

    const due = await list({ region: '84', echeance: '12' });
    expect(due.map((i) => i.nom)).toEqual(expect.arrayContaining([named('ara-roannais-cls')]));
    const csv = await t.app.inject({
      url: '/api/dynamiques',
      query: { region: '84', echeance: '12', format: 'csv' },
    });
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('statutALaDate;verifieLe;verifiePar;source;sourceUrl');
    const roannais = lines.find((l) => l.includes(named('ara-roannais-cls')));
    expect(roannais).toContain(';echue;2018-03-01;Fabrique Territoires Santé (enquête 2018);');
  });
});
