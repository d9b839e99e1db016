import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { startupSeeds } from '../../src/platform.ts';
import {
  loadSeedNotices,
  SEED_NOTICES_DESCRIPTION,
  SeedNoticesError,
} from '../../src/resources/seed/seed-notices.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

const FIXTURES = path.resolve('test/fixtures/seed-ressources');
const marker = newMarker();
const layer = `test_seed_${marker}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-seed-ressources-'));
const lots: string[] = [];

/** A fixture file made unique to this run (titles and URLs), so a shared database holds no twin. */
function copyFixture(name: string, to = dir) {
  const file = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
  for (const n of file.notices) {
    n.titre = `${marker} ${n.titre}`;
    if (n.url) n.url = `${n.url}?essai=${marker}`;
  }
  fs.writeFileSync(path.join(to, name), JSON.stringify(file));
}

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  for (const name of fs.readdirSync(FIXTURES)) copyFixture(name);
});
afterAll(async () => {
  for (const lot of lots.reverse()) await t.ctx.services.lots.revert(systemActor('test'), lot);
  await t.ctx.database.db.deleteFrom('reference_layer').where('layer', '=', layer).execute();
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const load = (from = dir) =>
  loadSeedNotices(startupSeeds(t.ctx).ledger, t.ctx.services.resources.notices, { dir: from, layer });

async function found(): Promise<{ id: string; titre: string }[]> {
  const res = await t.app.inject({ url: '/api/ressources', query: { q: marker, limit: '50' } });
  return res.json().items;
}

describe('seed notices of the reference documents', () => {
  it('loads every file as one change set, one notice per document across files, tags merged', async () => {
    const result = await load();
    expect(result).toMatchObject({ skipped: false, lues: 6, crees: 4, doublons: 2 });
    lots.push(result.lot as string);
    const lot = (await t.app.inject(`/api/lots/${result.lot}`)).json();
    expect(lot).toMatchObject({ description: SEED_NOTICES_DESCRIPTION, nombre: 4, annule: false });

    const ids = result.ids;
    expect(ids.size).toBe(6);
    expect(ids.get('selection-elus-extrait/hpst')).toBe(ids.get('ireps-occitanie-extrait/loi-hpst'));
    expect(ids.get('selection-elus-extrait/contrats-locaux-ars')).toBe(
      ids.get('ireps-occitanie-extrait/ars-cls'),
    );
    expect(new Set(ids.values()).size).toBe(4);
    expect((await found()).length).toBe(4);

    const law = (await t.app.inject(`/api/ressources/${ids.get('ireps-occitanie-extrait/loi-hpst')}`)).json();
    expect(law).toMatchObject({
      date: '2009-07-21',
      lieu: 'Paris',
      dispositifs: ['CLS'],
      themes: ['gouvernance'],
      etiquettes: ['loi HPST'],
    });
    const page = (await t.app.inject(`/api/ressources/${ids.get('ireps-occitanie-extrait/ars-cls')}`)).json();
    expect(page).toMatchObject({ titre: `${marker} Les contrats locaux de santé`, publics: ['elus'] });
  });

  it('a second run writes nothing and finds the same notices again', async () => {
    const first = [...(await load()).ids];
    const again = await load();
    expect(again).toMatchObject({ skipped: true, lot: null, crees: 0 });
    expect([...again.ids]).toEqual(first);
    expect((await found()).length).toBe(4);
  });

  it('a new file adds only the notices missing from the base', async () => {
    const more = path.join(dir, 'zz-autre-document.json');
    fs.writeFileSync(
      more,
      JSON.stringify({
        document: { fichier: 'zz-autre-document.txt', titre: 'Autre document' },
        selection: { titre: 'Autre document', sections: [] },
        notices: [
          {
            cle: 'referentiel',
            type: 'guide',
            titre: `${marker} Référentiel contrat local de santé`,
            date: '2016',
          },
          { cle: 'nouveau', type: 'rapport', titre: `${marker} Rapport cité ailleurs`, date: '2020' },
        ],
      }),
    );
    const result = await load();
    lots.push(result.lot as string);
    expect(result).toMatchObject({ skipped: false, lues: 8, crees: 1 });
    expect(result.ids.get('zz-autre-document/referentiel')).toBe(
      result.ids.get('selection-elus-extrait/referentiel-cls-idf'),
    );
    expect((await found()).length).toBe(5);
  });

  it('refuses an invalid file before writing anything, naming the file and the notice', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-seed-bad-'));
    copyFixture('ireps-occitanie-extrait.json', bad);
    fs.writeFileSync(
      path.join(bad, 'mauvais.json'),
      JSON.stringify({
        document: { fichier: 'mauvais.txt', titre: 'Mauvais' },
        selection: {},
        notices: [{ cle: 'roman-inconnu', type: 'roman', titre: 'Un roman' }],
      }),
    );
    const error = await load(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedNoticesError);
    expect((error as Error).message).toMatch(/mauvais\.json : notice « roman-inconnu » invalide — type/);
    expect((await found()).length).toBe(5);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});
