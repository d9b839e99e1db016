import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import { startupSeeds } from '../../src/platform.ts';
import { readDemoData } from '../../src/registry/demo/demo-files.ts';
import {
  DEMO_DESCRIPTION,
  DEMO_LAYER,
  type DemoLoadResult,
  loadDemo,
} from '../../src/registry/demo/load-demo.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let first: DemoLoadResult;
let ids: Set<string>;
const data = readDemoData();
const records = data.dynamics.dynamiques;
const sourceTitle = data.counts.decomptes[0]?.source as string;

/** On a shared server, removes what a previous run (or a started app) loaded, so this file loads afresh. */
async function removeDemo(db: Kysely<DB>) {
  const lots = (
    await db.selectFrom('lot').select('id').where('description', '=', DEMO_DESCRIPTION).execute()
  ).map((l) => l.id);
  if (lots.length > 0) {
    const entities = db.selectFrom('historique').select('entite_id').where('lot', 'in', lots);
    await db.deleteFrom('dynamique').where('id', 'in', entities).execute();
    await db.deleteFrom('historique').where('lot', 'in', lots).execute();
    await db.deleteFrom('lot').where('id', 'in', lots).execute();
  }
  await db.deleteFrom('declared_count').where('source', '=', sourceTitle).execute();
  await db.deleteFrom('reference_layer').where('layer', '=', DEMO_LAYER).execute();
}

async function lotIds(lot: string): Promise<Set<string>> {
  const rows = await t.ctx.database.db
    .selectFrom('historique')
    .select('entite_id')
    .where('lot', '=', lot)
    .where('action', '=', 'creation')
    .execute();
  return new Set(rows.map((r) => r.entite_id));
}

async function listDemo(query: Record<string, string>) {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { limit: '1000', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as {
    id: string;
    nom: string;
    type: string;
    statut: string;
    statutSaisi: string | null;
    liens: { cible: string }[];
    sources: { titre: string; passage?: string | null }[];
  }[];
  return items.filter((i) => ids.has(i.id));
}

beforeAll(async () => {
  t = await createTestApp();
  await removeDemo(t.ctx.database.db);
  first = await loadDemo(startupSeeds(t.ctx).demo);
  ids = await lotIds(first.lot as string);
});

afterAll(async () => {
  if (process.env.DATABASE_URL) await removeDemo(t.ctx.database.db);
  await t.close();
});

describe('demo data from the 2018 survey', () => {
  it('loads every record and figure as one change set written by the start-up', async () => {
    expect(first).toMatchObject({
      skipped: false,
      vintage: data.vintage,
      dynamiques: records.length,
      decomptes: data.counts.decomptes.length,
    });
    expect(ids.size).toBe(records.length);
    const lot = await t.ctx.database.db
      .selectFrom('lot')
      .selectAll()
      .where('id', '=', first.lot as string)
      .executeTakeFirstOrThrow();
    expect(lot).toMatchObject({ auteur: 'démarrage', description: DEMO_DESCRIPTION, nombre: records.length });
    const layer = (await t.ctx.services.reference.layers()).find((l) => l.layer === DEMO_LAYER);
    expect(layer?.vintage).toBe(data.vintage);
  });

  it('a second load is skipped and writes nothing', async () => {
    const counts = () =>
      t.ctx.database.db
        .selectFrom('declared_count')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source', '=', sourceTitle)
        .executeTakeFirstOrThrow();
    const before = await counts();
    const again = await loadDemo(startupSeeds(t.ctx).demo);
    expect(again).toMatchObject({ skipped: true, vintage: data.vintage, lot: null, dynamiques: 0 });
    expect(await counts()).toEqual(before);
    expect(Number(before.n)).toBe(data.counts.decomptes.length);
    const lots = await t.ctx.database.db
      .selectFrom('lot')
      .select('id')
      .where('description', '=', DEMO_DESCRIPTION)
      .execute();
    expect(lots).toHaveLength(1);
  });

  it('records carry their history, author and change set', async () => {
    const [id] = [...ids];
    const res = await t.app.inject(`/api/dynamiques/${id}/historique`);
    expect(res.json().items).toMatchObject([{ action: 'creation', auteur: 'démarrage', lot: first.lot }]);
  });

  it('Auvergne-Rhône-Alpes as it was on 1 March 2018', async () => {
    const items = await listDemo({ region: '84', date: '2018-03-01' });
    const expected = records.filter((r) => r.cle.startsWith('ara-'));
    expect(items).toHaveLength(expected.length);
    const villefranche = items.find((i) => i.nom === 'ASV de l’agglomération de Villefranche-sur-Saône');
    expect(villefranche?.statut).toBe('arrete');
    // Before its stop in 2017 it lived, in a state the survey does not tell: the registry does not invent it.
    const earlier = await listDemo({ region: '84', date: '2016-06-01', type: 'ASV' });
    expect(earlier.find((i) => i.nom === villefranche?.nom)?.statut).toBe('inconnu');
    const active = await listDemo({ region: '84', date: '2016-06-01', type: 'ASV', statut: 'actif' });
    expect(active).toEqual([]);
  });

  it('dynamics the survey names without a status are served as of unknown status, with their passage', async () => {
    const unstated = records.filter((r) => !r.statut && r.evenements.every((e) => e.type === 'verification'));
    expect(unstated.length).toBeGreaterThan(0);
    const survey = await listDemo({ date: '2018-03-01' });
    expect(survey).toHaveLength(records.length);
    for (const item of survey) {
      expect(item.sources.length, item.nom).toBeGreaterThan(0);
      for (const s of item.sources) expect(s.passage, item.nom).toMatch(/^p\. \d+/);
    }
    const unknown = await listDemo({ date: '2018-03-01', statut: 'inconnu' });
    expect(unknown.map((i) => i.nom).sort()).toEqual(unstated.map((r) => r.nom).sort());
    for (const item of unknown) expect(item.statutSaisi, item.nom).toBeNull();
    // Never counted as active, on the survey date or later.
    const active = await listDemo({ statut: 'actif' });
    expect(active.filter((i) => unstated.some((r) => r.nom === i.nom))).toEqual([]);
    const eysines = survey.find((i) => i.nom === 'ASV d’Eysines');
    expect(eysines?.statut).toBe('inconnu');
    expect(eysines?.sources[0]?.passage).toMatch(/^p\. 13, Nouvelle-Aquitaine/);
  });

  it('the five active CLS of Provence-Alpes-Côte d’Azur', async () => {
    const items = await listDemo({ region: '93', type: 'CLS', statut: 'actif', date: '2018-03-01' });
    expect(items.map((i) => i.nom).sort()).toEqual(
      [
        'CLS d’Apt',
        'CLS de La Seyne-sur-Mer',
        'CLS de Marseille',
        'CLS de Martigues',
        'CLS de Toulon',
      ].sort(),
    );
  });

  it('links point to the identifiers of the linked records', async () => {
    const items = await listDemo({ territoire: 'commune:69266', date: '2018-03-01' });
    const asv = items.find((i) => i.type === 'ASV');
    const cls = items.find((i) => i.type === 'CLS');
    expect(asv?.liens).toMatchObject([{ type: 'integre_a', cible: cls?.id }]);
  });

  it('GET /api/decomptes-declares answers the declared figures', async () => {
    const res = await t.app.inject({ url: '/api/decomptes-declares', query: { region: '84', type: 'ASV' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const survey = body.items.filter((i: { source: string }) => i.source === sourceTitle);
    expect(survey).toEqual([
      {
        region: '84',
        departement: null,
        type: 'ASV',
        nombre: 27,
        date: '2018-03-01',
        source: sourceTitle,
        note: expect.stringMatching(/Rhône-Alpes/),
      },
    ]);
    expect(body.total).toBe(body.items.length);

    const paca = (await t.app.inject({ url: '/api/decomptes-declares', query: { region: '93' } })).json();
    const departements = paca.items
      .filter(
        (i: { source: string; type: string; departement: string | null }) =>
          i.source === sourceTitle && i.type === 'ASV',
      )
      .map((i: { departement: string | null; nombre: number }) => [i.departement, i.nombre]);
    expect(departements).toEqual([
      [null, 23],
      ['04', 1],
      ['05', 0],
      ['06', 6],
      ['13', 12],
      ['83', 1],
      ['84', 3],
    ]);
  });

  it('GET /api/decomptes-declares rejects an invalid filter in French', async () => {
    const res = await t.app.inject({ url: '/api/decomptes-declares', query: { type: 'XYZ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur).toMatch(/type/);
  });
});
