import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { CRITERION_CODES } from '../../src/domain/cycle/criteria.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { docxAsText } from '../helpers/docx-text.ts';
import { clearOptionalLayers, shippedLayer } from '../helpers/reference-layers.ts';

let t: TestApp;
let tmp: string;
const stamp = `${process.pid}${Date.now().toString(36)}`;
const SAINT_ETIENNE = '42218';
const clsmName = `CLSM de Saint-Étienne ${stamp}`;
const clsName = `CLS de Saint-Étienne ${stamp}`;

beforeAll(async () => {
  t = await createTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-dossier-'));
  await t.ctx.services.reference.importQpv(systemActor('test'), shippedLayer('qpv-2024.json.gz'), {
    force: true,
  });
  // A CLS whose term passed without renewal, and a CLSM with a coordinator and two contacts.
  const cls = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: clsName, dateDebut: '2015-01-01', dateFin: '2020-06-30' }),
  });
  expect(cls.statusCode, cls.body).toBe(201);
  const clsm = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({
      type: 'CLSM',
      nom: clsmName,
      coordination: [{ intitule: 'Coordinatrice du CLSM', etp: 0.5 }],
      contacts: [
        { nom: 'Alex Publiable', email: 'alex@exemple.fr', role: 'coordination', public: true },
        { nom: 'Sam Réservé', email: 'sam@exemple.fr', public: false },
      ],
    }),
  });
  expect(clsm.statusCode, clsm.body).toBe(201);
  const criteres = Object.fromEntries(CRITERION_CODES.map((c) => [c, { niveau: 2, preuves: null }]));
  const assessed = await t.app.inject({
    method: 'POST',
    url: `/api/dynamiques/${clsm.json().id}/auto-evaluations`,
    payload: { date: '2025-03-01', criteres },
  });
  expect(assessed.statusCode, assessed.body).toBe(201);
});
afterAll(async () => {
  await clearOptionalLayers(t.ctx.database.db);
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const dossier = (query: Record<string, string>) => t.app.inject({ url: '/api/rapports/dossier-elus', query });

describe('dossier for a territory’s elected team', () => {
  it('gives a commune its figures, dynamics, public contacts, gaps, the seven characteristics and sources', async () => {
    const res = await dossier({ territoire: `commune:${SAINT_ETIENNE}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const html = res.body;
    expect(html).toContain('Dossier pour les élus');
    expect(html).toContain('Commune Saint-Étienne');
    expect(html).toMatch(/\d+ quartiers prioritaires de la politique de la ville/);
    expect(html).toContain(clsmName);
    expect(html).toContain('Coordinatrice du CLSM (0,5 ETP)');
    expect(html).toContain('Alex Publiable');
    expect(html).not.toContain('Sam Réservé');
    expect(html).toContain(`${clsName}`);
    expect(html).toMatch(/échu le 30 juin 2020, sans renouvellement enregistré/);
    expect(html).toContain('Ce qui se recoupe, ce qui manque');
    expect(html).toContain('Qu’est-ce qu’une démarche territoriale de santé ?');
    for (const word of [
      'Politique',
      'Territorialisée',
      'Ascendante',
      'Partenariale',
      'Transversale',
      'Coordonnée',
    ]) {
      expect(html).toContain(word);
    }
    // The CLSM's self-assessment, level 2 everywhere.
    expect(html).toContain('Auto-évaluations des dynamiques présentes');
    expect(html).toContain('2 (en place)');
  });

  it('says plainly when a commune has no dynamic', async () => {
    const quiet = await t.ctx.database.db
      .selectFrom('commune')
      .select('code')
      .where('departement', '=', '48')
      .where('code', 'not in', (eb) => eb.selectFrom('dynamique_commune').select('commune'))
      .orderBy('population')
      .limit(1)
      .executeTakeFirstOrThrow();
    const res = await dossier({ territoire: `commune:${quiet.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Aucune dynamique territoriale de santé n’est enregistrée sur la commune');
    expect(res.body).toContain('Aucun des dispositifs suivis n’est présent.');
  });

  it('covers an intercommunalité, with its communes counted', async () => {
    const res = await dossier({ territoire: 'epci:244200770' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.body).toContain('Intercommunalité');
    expect(res.body).toContain(clsmName);
    expect(res.body).toMatch(/>\s*5\d\s*</);
  });

  it('opens as DOCX (LibreOffice) and as PDF (Chromium)', async () => {
    const docx = await dossier({ territoire: `commune:${SAINT_ETIENNE}`, format: 'docx' });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(
      /attachment; filename="dossier-elus-commune-42218-saint-etienne-\d{4}-\d{2}-\d{2}\.docx"/,
    );
    const stdout = await docxAsText(tmp, 'dossier', docx.rawPayload);
    expect(stdout).toContain('Ce qui existe aujourd’hui');
    expect(stdout).toContain('Alex Publiable');
    const pdf = await dossier({ territoire: `commune:${SAINT_ETIENNE}`, format: 'pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names the field of a bad request', async () => {
    const region = await dossier({ territoire: 'region:84' });
    expect(region.statusCode).toBe(400);
    expect(Object.keys(region.json().champs)).toEqual(['territoire']);
    expect(region.json().champs.territoire).toMatch(/commune ou une intercommunalité/);
    const missing = await dossier({});
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().champs)).toEqual(['territoire']);
    const unknown = await dossier({ territoire: 'commune:99999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().erreur).toBe('Aucune commune avec le code « 99999 »');
  });
});
