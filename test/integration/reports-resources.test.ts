import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

const run = promisify(execFile);
let t: TestApp;
const m = newMarker();

beforeAll(async () => {
  t = await createTestApp();
  const dynamic = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: `CLS de Roanne ${m}`, perimetre: { communes: ['42187'] } }),
  });
  expect(dynamic.statusCode, dynamic.body).toBe(201);
  const notices = [
    {
      type: 'guide',
      titre: `${m} Guide du territoire roannais`,
      url: `https://guide.example.org/${m}`,
      territoires: [{ type: 'commune', code: '42187' }],
    },
    { type: 'rapport', titre: `${m} Évaluation du CLS`, date: '2022', dynamiques: [dynamic.json().id] },
    {
      type: 'rapport',
      titre: `${m} Rapport sur une autre ville`,
      territoires: [{ type: 'commune', code: '69123' }],
    },
  ];
  for (const payload of notices) {
    const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('« Pour aller plus loin » in the état des lieux', () => {
  it('lists the notices linked to the territory or to its dynamics, and no other', async () => {
    const res = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { territoire: 'commune:42187', format: 'html' },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const section = res.body.slice(res.body.indexOf('Pour aller plus loin'));
    expect(section).toContain(`${m} Guide du territoire roannais`);
    expect(section).toContain(`${m} Évaluation du CLS, 2022`);
    expect(res.body).not.toContain(`${m} Rapport sur une autre ville`);
    // Addresses are live links, in the HTML and in the DOCX.
    expect(section).toContain(`<a href="https://guide.example.org/${m}">https://guide.example.org/${m}</a>`);
    const docx = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { territoire: 'commune:42187', format: 'docx' },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-liens-'));
    const file = path.join(dir, 'rapport.docx');
    fs.writeFileSync(file, docx.rawPayload);
    const { stdout: rels } = await run('unzip', ['-p', file, 'word/_rels/document.xml.rels']);
    expect(rels).toContain(`Target="https://guide.example.org/${m}" TargetMode="External"`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
