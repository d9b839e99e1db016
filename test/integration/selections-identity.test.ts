import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';
import { createNotices } from '../factories/selections.ts';
import { createTestApp } from '../helpers/context.ts';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-selection-logo-'));
/** A one-pixel PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let t: Awaited<ReturnType<typeof createTestApp>>;
let notice: string;
beforeAll(async () => {
  t = await createTestApp();
  [notice] = (await createNotices(t.app, [{ titre: `${newMarker()} Guide du CLS` }])) as [string];
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const create = (extra: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/selections',
    payload: {
      titre: `${newMarker()} Sélection`,
      sections: [{ titre: 'Guides', notices: [{ notice }] }],
      ...extra,
    },
  });

describe('the author organisation of a sélection publishes its documents', () => {
  it('its name and logo head the page and the Word document; the platform is credited', async () => {
    const res = await create({
      auteurs: [{ nom: 'Durand', prenom: 'Claire' }, { organisation: 'Ireps Occitanie' }],
      logo: PNG,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().logo).toBe(PNG);
    const id = res.json().id;
    const html = (await t.app.inject(`/api/selections/${id}/export?format=html`)).body;
    expect(html).toMatch(
      /<div class="brand"><img src="data:image\/png;base64,[^"]+" [^>]*alt="Ireps Occitanie"><div>Ireps Occitanie<small>/,
    );
    expect(html).toMatch(
      /<footer class="colophon">Sélection bibliographique — Ireps Occitanie, publiée avec [^<—]+ —/,
    );

    const docx = await t.app.inject(`/api/selections/${id}/export?format=docx`);
    const file = path.join(tmp, 'logo.docx');
    fs.writeFileSync(file, docx.rawPayload);
    const { stdout: entries } = await run('unzip', ['-l', file]);
    expect(entries).toMatch(/word\/media\/[^\s]+\.png/);
    const { stdout: body } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20_000_000 });
    expect(body).toContain('Ireps Occitanie');
  });

  it('without an organisation, the operator publishes; an unreadable logo is refused on its field', async () => {
    const plain = await create({ auteurs: [{ nom: 'Durand', prenom: 'Claire' }] });
    expect(plain.statusCode, plain.body).toBe(201);
    const html = (await t.app.inject(`/api/selections/${plain.json().id}/export?format=html`)).body;
    expect(html).toContain('<div class="brand"><div>Observatoire DTS<small>');
    expect(html).not.toContain('publiée avec');

    const truncated = await create({ logo: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().champs).toHaveProperty('logo', 'logo : image PNG ou JPEG illisible');
    const svg = await create({ logo: 'data:image/svg+xml;base64,PHN2Zz4=' });
    expect(svg.statusCode).toBe(400);
    expect(svg.json().champs.logo).toMatch(/PNG ou JPEG/);
  });
});
