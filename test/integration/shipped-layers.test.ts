import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { startupSeeds } from '../../src/platform.ts';
import { loadShippedLayers, shippedLedgerName } from '../../src/reference/shipped/load-shipped-layers.ts';
import { MANIFEST_FILE, readManifest, SHIPPED_DIR } from '../../src/reference/shipped/manifest.ts';
import { createTestApp } from '../helpers/context.ts';
import { clearOptionalLayers, tempSource } from '../helpers/reference-layers.ts';

/** A copy of the shipped folder reduced to the contrats de ville, the quickest layer to load. */
function contratsOnly(): string {
  const manifest = readManifest();
  const entry = manifest?.couches.find((c) => c.couche === 'contrats_ville');
  if (!manifest || !entry) throw new Error('manifest sans contrats de ville');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-shipped-'));
  fs.copyFileSync(path.join(SHIPPED_DIR, entry.fichier), path.join(dir, entry.fichier));
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, couches: [entry] }));
  return dir;
}

const actor = systemActor('test');
let t: Awaited<ReturnType<typeof createTestApp>>;
const dir = contratsOnly();
const load = () => loadShippedLayers(t.ctx.services.reference, startupSeeds(t.ctx).ledger, dir);
const contracts = async () => (await t.ctx.services.reference.listContratsVille()).length;

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
});
afterAll(async () => {
  await clearOptionalLayers(t.ctx.database.db);
  await t.ctx.database.db
    .deleteFrom('reference_layer')
    .where('layer', '=', shippedLedgerName('contrats_ville'))
    .execute();
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('loading the shipped reference layers', () => {
  it('loads an absent layer once, then finds it loaded', async () => {
    expect(await load()).toEqual([
      expect.objectContaining({ layer: 'contrats_ville', outcome: 'charge', counts: expect.any(Object) }),
    ]);
    expect(await contracts()).toBe(446);
    expect(await load()).toEqual([expect.objectContaining({ outcome: 'deja_chargee' })]);
  });

  it('keeps a layer imported since from another file', async () => {
    const own = tempSource(
      'cv.csv',
      ['code_cv;lib_cv;codgeo;insee_dep', 'CN06501M;Tarbes;65440;65'].join('\n'),
    );
    const report = await t.ctx.services.reference.importContratsVille(actor, own);
    expect(report.written).toBe(true);
    expect(await load()).toEqual([
      expect.objectContaining({ outcome: 'importee_ailleurs', vintage: report.vintage }),
    ]);
    expect(await contracts()).toBe(1);
  });

  it('replaces an earlier shipped version with the one shipped now', async () => {
    // As if the one-contract file had been the shipped layer of an earlier release.
    const [layer] = (await t.ctx.services.reference.layers()).filter((l) => l.layer === 'contrats_ville');
    await startupSeeds(t.ctx).ledger.recordNow({
      name: shippedLedgerName('contrats_ville'),
      vintage: layer?.vintage ?? '',
      source: 'version précédente',
      rowCount: 1,
    });
    expect(await load()).toEqual([expect.objectContaining({ outcome: 'charge' })]);
    expect(await contracts()).toBe(446);
  });
});
