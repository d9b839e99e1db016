import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionBody, actionMarker } from '../factories/actions.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { docxAsText } from '../helpers/docx-text.ts';

const run = promisify(execFile);
let t: TestApp;
const marker = actionMarker();
let tmp: string;

beforeAll(async () => {
  t = await createTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-synthese-'));
  // Three actions of this test: two funded by the ARS and a collectivité (4 years), one by the ARS only (2).
  const bodies = [
    actionBody({ titre: `${marker} un` }),
    actionBody({ titre: `${marker} deux` }),
    actionBody({
      titre: `${marker} trois`,
      financeurs: [{ type: 'ARS', nom: 'ARS' }],
      debut: '2020-01-01',
      fin: '2022-01-01',
    }),
  ];
  for (const payload of bodies) {
    const res = await t.app.inject({ method: 'POST', url: '/api/actions', payload });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const summary = (query: Record<string, string>) =>
  t.app.inject({ url: '/api/rapports/actions', query: { q: marker, ...query } });

describe('grid summary of actions as a document', () => {
  it('HTML gives every section with the figures of the filtered actions', async () => {
    const res = await summary({ format: 'html' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain('Synthèse des actions selon la grille d’analyse');
    expect(html).toContain(`Actions filtrées (mots ${marker})`);
    expect(html).toContain('3 actions');
    for (const title of [
      'Territoires',
      'Dynamiques impliquées',
      'Financements',
      'Politiques liées et durée',
    ]) {
      expect(html).toContain(title);
    }
    // Every action cites a funder, two of three several; the ARS + collectivité pair twice.
    expect(html).toMatch(/100\s?% des actions citent au moins un financeur, 67\s?% plusieurs/);
    expect(html).toMatch(/ARS \+ Collectivit/);
    // Durations 4, 4 and 2 years: mean 3,3, median 4.
    expect(html).toMatch(/3,3 ans/);
  });

  it('DOCX opens in LibreOffice with the same content; the file is named after the day', async () => {
    const res = await summary({ format: 'docx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="synthese-actions-\d{4}-\d{2}-\d{2}\.docx"/,
    );
    const stdout = await docxAsText(tmp, 'synthese', res.rawPayload);
    expect(stdout).toContain('Synthèse des actions selon la grille d’analyse');
    expect(stdout).toContain('Paires de financeurs les plus fréquentes');
  });

  it('PDF is printed with its sections', async () => {
    const res = await summary({ format: 'pdf' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'synthese-chromium.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const { stdout } = await run('pdftotext', [file, '-']);
    expect(stdout).toContain('Financements');
  });

  it('says when no action matches, and names a bad filter', async () => {
    const none = await t.app.inject({ url: '/api/rapports/actions', query: { q: `${marker}absent` } });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('Aucune action ne correspond à ces critères');
    const bad = await summary({ format: 'odt' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().champs)).toEqual(['format']);
    const badScale = await summary({ echelle: 'planete' });
    expect(badScale.statusCode).toBe(400);
    expect(Object.keys(badScale.json().champs)).toEqual(['echelle']);
  });
});
