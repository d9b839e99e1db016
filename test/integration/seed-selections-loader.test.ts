import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { startupSeeds } from '../../src/platform.ts';
import { loadSeedNotices } from '../../src/resources/seed/seed-notices.ts';
import { loadSeedSelections } from '../../src/resources/seed/seed-selections-loader.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

const FIXTURES = path.resolve('test/fixtures/seed-ressources');
const marker = newMarker();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-seed-selections-'));

let t: Awaited<ReturnType<typeof createTestApp>>;
let lot: string | null = null;

beforeAll(async () => {
  t = await createTestApp();
  // Titles and URLs made unique to this run, so that a shared database holds no twin.
  for (const name of fs.readdirSync(FIXTURES)) {
    const file = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
    file.selection.titre = `${marker} ${file.selection.titre}`;
    for (const n of file.notices) {
      n.titre = `${marker} ${n.titre}`;
      if (n.url) n.url = `${n.url}?essai=${marker}`;
    }
    fs.writeFileSync(path.join(dir, name), JSON.stringify(file));
  }
});

afterAll(async () => {
  await t.ctx.database.db.deleteFrom('selection').where('titre', 'like', `${marker}%`).execute();
  if (lot) await t.ctx.services.lots.revert(systemActor('test'), lot);
  await t.ctx.database.db
    .deleteFrom('reference_layer')
    .where('layer', 'in', [`test_${marker}`, `test_sel_${marker}`])
    .execute();
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('sélections of the reference documents', () => {
  it('are created once, with the sections and notices of each file', async () => {
    const seed = await loadSeedNotices(startupSeeds(t.ctx).ledger, t.ctx.services.resources.notices, {
      dir,
      layer: `test_${marker}`,
    });
    lot = seed.lot;
    const first = await loadSeedSelections(
      t.ctx.services.resources.selections,
      seed.ids,
      startupSeeds(t.ctx).ledger,
      {
        dir,
        layer: `test_sel_${marker}`,
      },
    );
    expect(first).toEqual({ crees: 2, existantes: 0 });

    const rows = await t.ctx.database.db
      .selectFrom('selection')
      .select(['id', 'titre'])
      .where('titre', 'like', `${marker}%`)
      .execute();
    expect(rows).toHaveLength(2);
    const occitanie = rows.find((r) => r.titre.includes('bibliographie commentée'));
    const res = await t.app.inject(`/api/selections/${occitanie?.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { sections: { titre: string }[]; nombreNotices?: number };
    expect(body.sections.map((s) => s.titre)).toEqual(['1. Textes de loi', '2. Articulation des dynamiques']);
    const html = await t.app.inject(`/api/selections/${occitanie?.id}/export?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(`${marker} `);

    // A section made of prose only keeps its text (the seven characteristics of the élus sélection).
    const elus = rows.find((r) => r.titre.includes('Sélection de documents utiles'));
    const elusHtml = await t.app.inject(`/api/selections/${elus?.id}/export?format=html`);
    expect(elusHtml.body).toContain('Éléments de définition');
    expect(elusHtml.body).toContain('Sept caractéristiques : politique, de projet, territorialisée');

    const again = await loadSeedSelections(
      t.ctx.services.resources.selections,
      seed.ids,
      startupSeeds(t.ctx).ledger,
      {
        dir,
        layer: `test_sel_${marker}`,
      },
    );
    expect(again).toEqual({ crees: 0, existantes: 2 });
  });
});
