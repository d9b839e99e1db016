import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import {
  clearOptionalLayers,
  shippedContours,
  shippedLayer,
  tempSource,
} from '../helpers/reference-layers.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

const run = promisify(execFile);
// Corrèze (19) is left to this file: its 3 QPV all lie in Brive-la-Gaillarde.
const BRIVE = '19031';
let t: TestApp;
let withoutContours: string;
const actor = systemActor('test');

/** The shipped contours with the communes of the Corrèze only (a quicker import). */
function contoursOf19(): string {
  type Layer = { geometries: { properties?: { code?: string } }[] };
  const topology = shippedContours() as unknown as { objects: Record<string, Layer> };
  const communes = topology.objects.communes as Layer;
  communes.geometries = communes.geometries.filter((g) => g.properties?.code?.startsWith('19'));
  return tempSource('contours-19.topo.json', JSON.stringify(topology));
}

const report = (format: string) =>
  t.app.inject({ url: '/api/rapports/etat-des-lieux', query: { departement: '19', format } });

beforeAll(async () => {
  t = await createTestApp();
  await clearOptionalLayers(t.ctx.database.db);
  await clearDepartement(t.ctx.database.db, '19');
  const cls = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: 'CLS de Brive', perimetre: { communes: [BRIVE] }, porteur: null }),
  });
  expect(cls.statusCode, cls.body).toBe(201);
  withoutContours = (await report('html')).body;
  await t.ctx.services.reference.importContours(actor, [contoursOf19()]);
  await t.ctx.services.reference.importQpv(actor, shippedLayer('qpv-2024.json.gz'), { force: true });
}, 120_000);
afterAll(async () => {
  await clearDepartement(t.ctx.database.db, '19');
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
});

describe('map of the territory in the état des lieux', () => {
  it('says so in one sentence when no contours are loaded', () => {
    expect(withoutContours).toContain('Les contours des territoires ne sont pas chargés : pas de carte.');
    expect(withoutContours).not.toContain('class="map-box"');
  });

  it('draws every commune coloured by the kinds covering it, and outlines the QPV (HTML, PDF)', async () => {
    const html = (await report('html')).body;
    const map = html.slice(
      html.indexOf('<figure class="map-box">'),
      html.indexOf('</figure>', html.indexOf('map-box')),
    );
    expect(map).toContain('<svg');
    const communes = map.match(/<path d="[^"]+" fill="#/g) ?? [];
    expect(communes.length).toBeGreaterThan(250);
    expect(map).toMatch(/fill="#c6dbef"[^>]*><title>Brive-la-Gaillarde : 1 type de dynamique<\/title>/);
    expect(map).toMatch(/<title>Tulle : aucun dispositif<\/title>/);
    // The shipped QPV have no shapes: Brive, which holds the three, is outlined.
    expect((map.match(/stroke="#b34000"/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(html).toContain('trait orange : commune comptant un quartier prioritaire');
  });

  it('puts the map in the DOCX as a PNG image, after a real table of contents field', async () => {
    const res = await report('docx');
    expect(res.statusCode).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-carte-'));
    const file = path.join(dir, 'etat-des-lieux.docx');
    fs.writeFileSync(file, res.rawPayload);
    const { stdout: listing } = await run('unzip', ['-l', file]);
    expect(listing).toMatch(/word\/media\/[^\s]+\.png/);
    const { stdout: body } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20_000_000 });
    expect(body).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    expect(body).toContain('TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(body).toContain('Chiffres clés');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is drawn in the dossier for elected teams too', async () => {
    const res = await t.app.inject({
      url: '/api/rapports/dossier-elus',
      query: { territoire: `commune:${BRIVE}`, format: 'html' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /<figure class="map-box"><svg[^>]*>.*<title>Brive-la-Gaillarde : 1 type de dynamique<\/title>/s,
    );
  });
});
