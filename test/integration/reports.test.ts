import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/domain/actor.ts';
import { buildApp } from '../../src/http/app.ts';
import { PdfRenderer } from '../../src/kernel/documents/pdf-renderer.ts';
import { ReportService } from '../../src/reports/report.service.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';
import { docxAsText } from '../helpers/docx-text.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Vendée (85, Pays de la Loire 52) is left to this file so assertions hold on a shared server.
const run = promisify(execFile);
let t: Awaited<ReturnType<typeof createTestApp>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-rapport-'));
const DATE = '2020-06-01';
const LA_ROCHE = '85191';
const LA_ROCHE_AGGLO = '248500589';
const coordinated = [{ intitule: 'Coordinatrice', etp: 1, financeurs: ['ARS'], vacant: false }];

async function create(nom: string, overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom, porteur: null, dateDebut: '2015-01-01', ...overrides }),
  });
  expect(res.statusCode, res.body).toBe(201);
}

const report = (query: Record<string, string>) =>
  t.app.inject({ url: '/api/rapports/etat-des-lieux', query: { date: DATE, ...query } });

beforeAll(async () => {
  t = await createTestApp();
  // Vendée belongs to this file: a server kept from an earlier run starts empty there too.
  await clearDepartement(t.ctx.database.db, '85');
  await t.ctx.database.db.deleteFrom('declared_count').where('departement', '=', '85').execute();
  const ville = (nom: string) => ({ nom, type: 'commune' });
  await create('CV La Roche-sur-Yon', { type: 'CONTRAT_VILLE', perimetre: { epci: [LA_ROCHE_AGGLO] } });
  await create('CV Fontenay-le-Comte', { type: 'CONTRAT_VILLE', perimetre: { communes: ['85092'] } });
  await create("CV Les Sables-d'Olonne", { type: 'CONTRAT_VILLE', perimetre: { communes: ['85194'] } });
  await create('ASV La Roche-sur-Yon', {
    type: 'ASV',
    porteur: ville('Ville de La Roche-sur-Yon'),
    perimetre: { communes: [LA_ROCHE] },
    coordination: coordinated,
  });
  await create('CLS La Roche-sur-Yon Agglomération', {
    type: 'CLS',
    porteur: { nom: 'La Roche-sur-Yon Agglomération', type: 'epci' },
    perimetre: { epci: [LA_ROCHE_AGGLO] },
    coordination: coordinated,
  });
  await create('CLS Fontenay-le-Comte', {
    type: 'CLS',
    porteur: ville('Association <Santé & Sud-Vendée>'),
    perimetre: { communes: ['85092'] },
    dateFin: '2020-09-30',
  });
  await create('CLSM La Roche-sur-Yon', { type: 'CLSM', perimetre: { communes: [LA_ROCHE] } });
  await create('CPTS Challans', {
    type: 'CPTS',
    perimetre: { communes: ['85047'] },
    dateDebut: '2019-01-01',
  });
  // A project without dated event is known from the day it was observed (here a source of 2020).
  await create('MSP Luçon', {
    type: 'MSP',
    statut: 'en_projet',
    perimetre: { communes: ['85128'] },
    sources: [{ titre: 'Annuaire des MSP de Vendée', url: null, consulte: '2020-01-15' }],
  });
  await create('ASV Luçon', {
    type: 'ASV',
    statut: undefined,
    perimetre: { communes: ['85128'] },
    evenements: [
      { date: '2014-01-01', type: 'signature' },
      { date: '2019-01-01', type: 'arret' },
    ],
  });
  await t.ctx.database.db
    .insertInto('declared_count')
    .values({
      region: '52',
      departement: '85',
      type: 'ASV',
      nombre: 3,
      date: '2018-03-01',
      source: 'Enquête régionale test Vendée',
      note: 'Décompte transmis sans liste',
    })
    .execute();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('état des lieux as HTML', () => {
  it('has every section and the numbers of the registry', async () => {
    const res = await report({ departement: '85', format: 'html' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    for (const title of [
      'État des lieux des dynamiques territoriales de santé',
      'Département Vendée (85) — région Pays de la Loire',
      'Situation au</dt><dd>1er juin 2020',
      'Registre Observatoire DTS',
      'Chiffres clés',
      'Les dynamiques par département',
      'Contrats de ville et dispositifs de santé',
      'Couverture de la population',
      'Situation du département',
      'Liste des dynamiques',
      'Décomptes déclarés',
      'Sources et méthode',
      '@media print',
    ])
      expect(html).toContain(title);
    // Contrats de ville, ASV, CLS, CLSM and total (the stopped ASV is not counted); then CPTS, MSP, total.
    const row = (values: number[]) =>
      `<td class="nowrap">Vendée (85)</td>${values.map((n) => `<td class="num">${n}</td>`).join('')}</tr>`;
    expect(html).toContain(row([3, 1, 2, 1, 7]));
    expect(html).toContain(row([1, 1, 2]));
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('1 contrat de ville sans aucun dispositif santé : CV Les Sables-d&#39;Olonne');
    expect(html).toContain('1 contrat de ville avec ASV, CLS et CLSM : CV La Roche-sur-Yon');
    expect(html).toContain('1 contrat de ville avec CLS seulement : CV Fontenay-le-Comte');
    expect(html).toContain('et 2 n’en ont pas : CLS Fontenay-le-Comte et CLSM La Roche-sur-Yon');
    expect(html).toContain('CLS — CLS Fontenay-le-Comte (échéance le 30 septembre 2020)');
    expect(html).toContain('CPTS sans CLS sur son territoire : CPTS Challans');
    expect(html).toContain('La Roche-sur-Yon Agglomération');
    expect(html).toContain('Enquête régionale test Vendée');
    expect(html).toContain('<td>ASV Luçon</td><td>arrêtée</td>');
  });

  it('escapes every text coming from the registry', async () => {
    const html = (await report({ departement: '85', format: 'html' })).body;
    expect(html).toContain('Association &lt;Santé &amp; Sud-Vendée&gt;');
    expect(html).not.toContain('<Santé');
  });

  it('a regional report has one account per département', async () => {
    const res = await report({ region: '52' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Région Pays de la Loire');
    expect(res.body).toContain('Situation par département');
    for (const dep of [
      'Loire-Atlantique (44)',
      'Maine-et-Loire (49)',
      'Mayenne (53)',
      'Sarthe (72)',
      'Vendée (85)',
    ])
      expect(res.body).toContain(`<h3>${dep}</h3>`);
  });
});

describe('état des lieux of an EPCI or a commune', () => {
  const row = (label: string, values: number[]) =>
    `<td class="nowrap">${label}</td>${values.map((n) => `<td class="num">${n}</td>`).join('')}</tr>`;

  it('a commune’s report holds the dynamics covering it, and only them', async () => {
    const res = await report({ territoire: `commune:${LA_ROCHE}`, format: 'html' });
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain('Commune La Roche-sur-Yon (85191) — Vendée (85), région Pays de la Loire');
    expect(html).toContain('Les dynamiques du territoire');
    expect(html).toContain('Situation détaillée');
    for (const name of [
      'CV La Roche-sur-Yon',
      'ASV La Roche-sur-Yon',
      'CLS La Roche-sur-Yon Agglomération',
      'CLSM La Roche-sur-Yon',
    ])
      expect(html).toContain(`<td>${name}</td>`);
    for (const elsewhere of ['CV Fontenay-le-Comte', 'CPTS Challans', 'MSP Luçon'])
      expect(html).not.toContain(elsewhere);
    // Contrat de ville, ASV, CLS, CLSM and total, on the commune's own row.
    expect(html).toContain(row('La Roche-sur-Yon (85)', [1, 1, 1, 1, 4]));
    expect(html).toContain('en cours sur ce territoire : ');
    expect(html).toContain('Part de la population du territoire couverte');
    expect(html).toContain('1 contrat de ville avec ASV, CLS et CLSM : CV La Roche-sur-Yon');
    // Declared counts are départemental figures, not comparable with one commune.
    expect(html).not.toContain('Décomptes déclarés');
  });

  it('an EPCI’s report covers its member communes', async () => {
    const res = await report({ territoire: `epci:${LA_ROCHE_AGGLO}`, format: 'html' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(/EPCI [^<]*\(248500589\) — Vendée \(85\)/);
    expect(res.body).toContain('<td>CLS La Roche-sur-Yon Agglomération</td>');
    expect(res.body).not.toContain('CPTS Challans');
  });

  it('a département asked as territoire gives the same report as departement=', async () => {
    const byTerritory = await report({ territoire: 'departement:85', format: 'html' });
    expect(byTerritory.statusCode).toBe(200);
    expect(byTerritory.body).toContain('Département Vendée (85) — région Pays de la Loire');
    expect(byTerritory.body).toContain(row('Vendée (85)', [3, 1, 2, 1, 7]));
  });

  it('a commune’s DOCX downloads under a name saying the commune', async () => {
    const res = await report({ territoire: `commune:${LA_ROCHE}`, format: 'docx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      'filename="etat-des-lieux-commune-85191-la-roche-sur-yon-2020-06-01.docx"',
    );
  });
});

describe('état des lieux as documents', () => {
  it('DOCX opens in LibreOffice and carries the title and the dynamics', async () => {
    const res = await report({ departement: '85', format: 'docx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="etat-des-lieux-departement-85-vendee-2020-06-01\.docx"/,
    );
    const stdout = await docxAsText(tmp, 'rapport', res.rawPayload);
    expect(stdout).toContain('État des lieux des dynamiques territoriales de santé');
    expect(stdout).toContain('CLSM La Roche-sur-Yon');
    expect(stdout).toContain('CV sans aucun dispositif santé');
  });

  it('PDF is printed by Chromium and its first page renders', async () => {
    const res = await report({ departement: '85', format: 'pdf' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'rapport-chromium.pdf');
    fs.writeFileSync(file, res.rawPayload);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const png = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(tmp, png as string)).size).toBeGreaterThan(1000);

    // Tagged for screen readers, whatever the numbering of the contents does beforehand.
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);

    // The contents of the title page give each section's page, and the section starts on that page.
    const html = (await report({ departement: '85', format: 'html' })).body;
    const titles = [...html.matchAll(/<section id="[^"]+"><h2>([^<]+)<\/h2>/g)].map((m) => m[1] as string);
    expect(titles.length).toBeGreaterThan(3);
    const { stdout: contents } = await run('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']);
    const flat = contents.replace(/\s+/g, ' ');
    for (const title of titles.map((t) => t.replace(/&#39;|&rsquo;/g, '’'))) {
      const page = Number(
        new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(flat)?.[1],
      );
      expect(page, `${title} dans « ${flat.slice(0, 600)} »`).toBeGreaterThan(1);
      const { stdout: onPage } = await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
      expect(onPage.replace(/\s+/g, ' ')).toContain(title);
    }
  });

  it('without Chromium, PDF answers 503 with a French explanation', async () => {
    const reports = new ReportService(t.ctx.services.analytics, new PdfRenderer('/nonexistent/chromium'));
    const app = await buildApp({ ...t.ctx, services: { ...t.ctx.services, reports } });
    try {
      const res = await app.inject({
        url: '/api/rapports/etat-des-lieux',
        query: { region: '52', format: 'pdf' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().erreur).toMatch(/Chromium.*ODTS_CHROMIUM_PATH/);
      const html = await reports.etatDesLieux(anonymous, { region: '52', format: 'html', date: DATE });
      expect(html.body.toString()).toContain('Région Pays de la Loire');
    } finally {
      await app.close();
    }
  });
});

describe('état des lieux input', () => {
  it.each([
    [{}, 'region'],
    [{ region: '5' }, 'region'],
    [{ departement: '85', format: 'odt' }, 'format'],
    [{ departement: '85', date: '2020-02-30' }, 'date'],
    [{ region: '84', departement: '85' }, 'departement'],
    [{ territoire: 'canton:8501' }, 'territoire'],
    [{ territoire: 'commune' }, 'territoire'],
    [{ territoire: 'commune:8519' }, 'territoire'],
    [{ territoire: 'epci:85' }, 'territoire'],
    [{ territoire: 'epci:248500589', departement: '85' }, 'territoire'],
  ])('%j → 400 naming %s', async (query, field) => {
    const res = await t.app.inject({ url: '/api/rapports/etat-des-lieux', query });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toContain(field);
  });

  it('a malformed territoire is explained in French', async () => {
    const res = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { territoire: 'canton:8501' },
    });
    expect(res.json().champs.territoire).toMatch(/format attendu TYPE:CODE.*commune:85191/);
    const short = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { territoire: 'commune:8519' },
    });
    expect(short.json().champs.territoire).toMatch(/code commune INSEE attendu/);
  });

  it.each<Record<string, string>>([
    { departement: '99' },
    { region: '00' },
    { territoire: 'commune:99999' },
    { territoire: 'epci:200000000' },
  ])('unknown territory %j → 404', async (query) => {
    const res = await t.app.inject({ url: '/api/rapports/etat-des-lieux', query });
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucun/);
  });
});
