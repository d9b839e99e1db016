import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../src/kernel/mail/outbox-mailer.ts';
import { campaignBody, tokenIn, uniqueEmail } from '../factories/campaigns.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';
import { readOutbox } from '../helpers/outbox.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Every spreadsheet export of the API (each GET operation of the OpenAPI document offering csv or xlsx)
// over records whose text fields hold formulas: no cell of the downloaded files can run as a formula.

const PAYLOADS = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1+1', '\r=1+1'];
/** Chosen for this file only, so that the exports hold these records and no other test's. */
const DEPARTEMENT = '48';
const COMMUNE = '48095'; // Mende

let t: Awaited<ReturnType<typeof createTestApp>>;
const marker = newMarker();
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-formulas-'));
let campaignId = '';

beforeAll(async () => {
  t = await createTestApp({ mailer: new OutboxMailer(outbox, 'odts@exemple.fr') });
  await clearDepartement(t.ctx.database.db, DEPARTEMENT);
  const [a, b, c, d] = PAYLOADS as [string, string, string, string];
  const dynamic = dynamicInput({
    nom: `${a} ${marker}`,
    porteur: { nom: b, type: 'commune', code: COMMUNE },
    perimetre: { communes: [COMMUNE] },
    signataires: [c, d],
    sources: [{ titre: d, url: 'https://exemple.fr/source' }],
    contacts: [{ nom: c, role: a, telephone: '-2+3' }],
    evenements: [{ type: 'signature', date: '2020-01-01', note: b }],
  });
  const created = await t.app.inject({ method: 'POST', url: '/api/dynamiques', payload: dynamic });
  expect(created.statusCode, created.body).toBe(201);
  const notice = noticeBody({
    titre: `${a} ${marker}`,
    auteurs: [{ organisation: b }],
    editeur: c,
    lieu: d,
    resume: PAYLOADS[4],
    etiquettes: [a, c],
  });
  const createdNotice = await t.app.inject({ method: 'POST', url: '/api/ressources', payload: notice });
  expect(createdNotice.statusCode, createdNotice.body).toBe(201);
  // A campaign answer whose texts are formulas: the export of the answers must keep them inert.
  const email = uniqueEmail('formules');
  const campaign = await t.app.inject({
    method: 'POST',
    url: '/api/campagnes',
    payload: campaignBody({
      departements: [DEPARTEMENT],
      destinataires: [{ email, nom: a, dynamiques: [created.json().id] }],
    }),
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  campaignId = campaign.json().id;
  await t.app.inject({ method: 'POST', url: `/api/campagnes/${campaignId}/envoyer` });
  const token = tokenIn(readOutbox(outbox).find((m) => m.to === email)?.body ?? '');
  const answered = await t.anonymous({
    method: 'PUT',
    url: `/api/reponses/${token}`,
    payload: {
      dynamiques: [{ id: created.json().id, decision: 'confirmee', commentaire: a }],
      questions: { coordination_dediee: 'Oui', remarques: b },
      soumettre: true,
    },
  });
  expect(answered.statusCode, answered.body).toBe(200);
});

afterAll(async () => {
  await clearDepartement(t.ctx.database.db, DEPARTEMENT);
  await t.close();
  fs.rmSync(outbox, { recursive: true, force: true });
});

interface Operation {
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
}

/** Every GET operation with a `format` offering CSV or XLSX, with the formats it offers. */
function spreadsheetExports(): { path: string; formats: string[]; params: string[] }[] {
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  const out: { path: string; formats: string[]; params: string[] }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const params = ops.get?.parameters ?? [];
    const formats = params.find((p) => p.name === 'format' && p.in === 'query')?.schema?.enum ?? [];
    const spreadsheet = formats.filter((f) => f === 'csv' || f === 'xlsx');
    if (spreadsheet.length) out.push({ path, formats: spreadsheet, params: params.map((p) => p.name) });
  }
  return out;
}

/** A cell that a spreadsheet would read as a formula: a formula start, unless the whole cell is a number. */
function dangerous(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+([.,]\d+)?$/.test(cell);
}

async function xlsxCells(bytes: Buffer): Promise<{ text: string; formula: boolean }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: { text: string; formula: boolean }[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({ text: cell.text, formula: cell.type === ExcelJS.ValueType.Formula });
      }),
    ),
  );
  return cells;
}

describe('spreadsheet exports', () => {
  it('finds the export routes in the OpenAPI document', () => {
    const paths = spreadsheetExports().map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/dynamiques', '/api/ressources/export']));
    expect(paths.filter((p) => p.startsWith('/api/analyses/')).length).toBeGreaterThanOrEqual(5);
  });

  it('no downloaded cell starts a formula; the texts stay readable', async () => {
    const seen = new Set<string>();
    for (const { path, formats, params } of spreadsheetExports()) {
      const query = new URLSearchParams();
      if (params.includes('departement')) query.set('departement', DEPARTEMENT);
      if (params.includes('q')) query.set('q', marker);
      if (params.includes('depuis')) query.set('depuis', '2015-01-01');
      for (const format of formats) {
        query.set('format', format);
        const url = `${path.replace('{id}', campaignId)}?${query}`;
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(200);
        const cells =
          format === 'csv'
            ? (parse(res.body, { delimiter: ';', bom: true, relax_column_count: true }) as string[][])
                .flat()
                .map((text) => ({ text, formula: false }))
            : await xlsxCells(res.rawPayload);
        for (const cell of cells) {
          expect(cell.formula, `${url}: formula cell ${cell.text}`).toBe(false);
          expect(dangerous(cell.text), `${url}: cell ${JSON.stringify(cell.text)}`).toBe(false);
          for (const p of PAYLOADS) if (cell.text.includes(p.trim())) seen.add(`${path} ${format} ${p}`);
        }
      }
    }
    // The records were really exported, their texts kept after the guard quote.
    for (const path of ['/api/dynamiques', '/api/ressources/export']) {
      expect(
        [...seen].some((s) => s.startsWith(`${path} csv =HYPERLINK`)),
        path,
      ).toBe(true);
    }
    expect(seen.has("/api/dynamiques xlsx +cmd|' /C calc'!A0")).toBe(true);
    expect(seen.has('/api/ressources/export csv -2+3')).toBe(true);
    expect(seen.has('/api/ressources/export csv @SUM(1)')).toBe(true);
    expect(seen.has('/api/campagnes/{id}/export csv =HYPERLINK("http://x")')).toBe(true);
    expect(seen.has("/api/campagnes/{id}/export xlsx +cmd|' /C calc'!A0")).toBe(true);
  });
});
