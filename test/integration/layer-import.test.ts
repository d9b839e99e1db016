import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { LayerImportService } from '../../src/reference/layer-import/layer-import.service.ts';
import { createTestApp } from '../helpers/context.ts';
import { shippedLayer } from '../helpers/reference-layers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/layer-import');
const actor = systemActor('import');
const mapping = LayerImportService.parseMapping(
  JSON.parse(fs.readFileSync(path.join(dir, 'correspondance-cls.json'), 'utf8')),
);

let t: Awaited<ReturnType<typeof createTestApp>>;
let server: ChildProcess;
let port = 0;
/** The layer the tiny WFS serves: the test switches it between two versions. */
const served = path.join(os.tmpdir(), `odts-wfs-${process.pid}.geojson`);

function serve(version: 'cls-v1' | 'cls-v2') {
  fs.copyFileSync(path.join(dir, `${version}.geojson`), served);
}

async function clearLayer() {
  await sql`delete from dynamique where document->'specifique'->>'identifiantSource' like 'cls-test:%'`.execute(
    t.ctx.database.db,
  );
}

interface Listed {
  nom: string;
  statut: string | null;
  perimetre: { communes: string[] };
  specifique: { identifiantSource?: string };
}

async function layerRecords(date: string): Promise<Map<string, Listed>> {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { type: 'CLS', limit: '1000', date } });
  const items = res.json().items as Listed[];
  return new Map(
    items
      .filter((i) => i.specifique.identifiantSource?.startsWith('cls-test:'))
      .map((i) => [i.specifique.identifiantSource as string, i]),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await clearLayer();
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from contour where niveau = 'commune'`.execute(t.ctx.database.db);
  if ((rows[0]?.n ?? 0) === 0) {
    await t.ctx.services.reference.importContours(actor, [shippedLayer('contours.topo.json.gz')], {
      force: true,
    });
  }
  serve('cls-v1');
  server = spawn(process.execPath, [path.join(dir, 'wfs-server.mjs'), served]);
  port = await new Promise<number>((resolve, reject) => {
    server.stdout?.once('data', (d) => resolve(Number(String(d).trim())));
    server.once('error', reject);
  });
}, 120_000);
afterAll(async () => {
  server?.kill();
  fs.rmSync(served, { force: true });
  await clearLayer();
  await t.close();
});

describe('a layer of dynamics from a WFS service, through a saved correspondence', () => {
  it('asks the service for GetFeature in GeoJSON and places each seat in its commune', async () => {
    const url = `http://127.0.0.1:${port}/wfs`;
    const report = await t.ctx.services.layerImport.importSource(actor, url, mapping, {
      dryRun: false,
      date: '2024-05-01',
    });
    expect(report.erreurs).toEqual([]);
    expect(report).toMatchObject({ valide: true, crees: 2, arretes: 0 });
    const found = await layerRecords('2024-05-01');
    expect(found.get('cls-test:CLS-01')).toMatchObject({
      nom: 'CLS de Bourg-en-Bresse',
      statut: 'actif',
      perimetre: { communes: ['01053'] },
    });
    expect(found.get('cls-test:CLS-02')?.statut).toBe('en_projet');
    expect(found.get('cls-test:CLS-02')?.perimetre.communes).toHaveLength(1);

    const again = await t.ctx.services.layerImport.importSource(actor, url, mapping, {
      dryRun: false,
      date: '2024-05-01',
    });
    expect(again).toMatchObject({ crees: 0, modifies: 0, arretes: 0, inchanges: 2 });
  });

  it('a refresh renames what changed and stops what the layer no longer lists', async () => {
    serve('cls-v2');
    const report = await t.ctx.services.layerImport.importSource(
      actor,
      `http://127.0.0.1:${port}/wfs`,
      mapping,
      {
        dryRun: false,
        date: '2024-09-01',
      },
    );
    expect(report).toMatchObject({ valide: true, crees: 0, modifies: 1, arretes: 1 });
    const after = await layerRecords('2024-09-02');
    expect(after.get('cls-test:CLS-01')?.nom).toBe('CLS du Grand Bourg');
    expect(after.get('cls-test:CLS-02')?.statut).toBe('arrete');
    expect((await layerRecords('2024-06-01')).get('cls-test:CLS-02')?.statut).toBe('en_projet');
  });

  it('reports a value without correspondence, with its feature number, and writes nothing', async () => {
    const bad = { ...mapping, statut: { champ: 'etat', valeurs: {} } };
    const report = await t.ctx.services.layerImport.importSource(
      actor,
      path.join(dir, 'cls-v1.geojson'),
      bad,
      {
        dryRun: false,
        date: '2024-10-01',
      },
    );
    expect(report.valide).toBe(false);
    expect(report.erreurs[0]).toMatchObject({ ligne: 1, champ: 'statut' });
    expect(report.lot).toBeNull();
  });
});
