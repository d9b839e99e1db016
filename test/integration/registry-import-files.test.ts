import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin';
const marker = () => `zfic${process.pid}x${Math.random().toString(36).slice(2, 9)}`;

function postImport(body: string | Buffer, opts: { dryRun?: boolean; contentType?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/dynamiques?dryRun=${opts.dryRun ?? false}`,
    headers: { 'content-type': opts.contentType ?? 'text/csv' },
    payload: body,
  });
}

function multipart(field: string, filename: string, content: Buffer | string, type = 'text/csv') {
  const boundary = '----odtsBoundary7MA4YWxkTrZu0gW';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports/dynamiques?dryRun=true',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function readWorkbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

async function revert(lot: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });
  expect(res.statusCode, res.body).toBe(200);
}

describe('unreadable files → 400 or 413 with a French message', () => {
  it.each([
    [
      'binary garbage',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /ni un CSV/,
    ],
    [
      'damaged XLSX',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      /XLSX illisible/,
    ],
    [
      'Excel 97 file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]),
      /XLS \(Excel 97-2003\)/,
    ],
    ['UTF-16 text', Buffer.from('\uFEFFtype;nom', 'utf16le'), /UTF-16/],
  ])('%s', async (_label, body, message) => {
    const res = await postImport(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().erreur).toMatch(message);
  });

  it('a JSON body is refused', async () => {
    const res = await postImport(JSON.stringify({ type: 'CLS' }), { contentType: 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur).toMatch(/fichier CSV/);
  });

  it('a file over the size limit → 413', async () => {
    const res = await postImport(Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().erreur).toMatch(/Fichier trop volumineux : 10 Mo/);
    const form = await multipart('fichier', 'gros.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
    expect(form.statusCode).toBe(413);
    expect(form.json().erreur).toMatch(/Fichier trop volumineux/);
  });

  it('a file over the row limit (20 000) → 413 saying how many rows and the limit', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `MSP;${marker()} ${i}`);
    const res = await postImport([HEADER, ...rows].join('\n'), { dryRun: true });
    expect(res.statusCode).toBe(413);
    expect(res.json().erreur).toBe(
      'Fichier trop long : 20\u202f001 lignes, 20\u202f000 au plus par import ; découpez-le en plusieurs fichiers',
    );
  });

  it('bad dryRun value → 400 naming the parameter', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/imports/dynamiques?dryRun=peut-etre' });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs).toHaveProperty('dryRun');
  });
});

describe('encodings and separators', () => {
  it('a Windows-1252 file (Excel « CSV » on French Windows) is read: « Créteil » is found', async () => {
    const csv = `${HEADER}\nCLS;${marker()} contrat;actif;Créteil;;;;;;\n`;
    const res = await postImport(Buffer.from(csv, 'latin1'), { dryRun: true });
    expect(res.json(), res.body).toMatchObject({ valide: true, lignes: 1, crees: 1 });
  });

  it('a tab-separated file is read', async () => {
    const csv = `${HEADER.replaceAll(';', '\t')}\nCLS\t${marker()}\tactif\t94028\t\t\t\t\t\t\n`;
    const res = await postImport(csv, { dryRun: true });
    expect(res.json(), res.body).toMatchObject({ valide: true, lignes: 1, crees: 1 });
  });
});

describe('multipart upload', () => {
  it('reads the field « fichier »', async () => {
    const res = await multipart(
      'fichier',
      'dynamiques.csv',
      `${HEADER}\nCLS;${marker()};actif;42218;;;;;;\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valide: true, crees: 1, dryRun: true });
  });

  it('another field name → 400', async () => {
    const res = await multipart('file', 'dynamiques.csv', `${HEADER}\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur).toMatch(/champ « fichier »/);
  });
});

describe('XLSX import', () => {
  it('imports a workbook; numbers, dates and lost leading zeros are understood', async () => {
    const m = marker();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Feuille 1');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow([
      'MSP',
      `${m} maison de santé`,
      'actif',
      1004,
      null,
      null,
      null,
      'SISA',
      new Date(Date.UTC(2019, 2, 1)),
    ]);
    sheet.addRow(['ASV', `${m} atelier`, 'actif', 'Saint-Denis (93)', null, null, null, null, '2012-01-01']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await postImport(body, { contentType: XLSX });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valide: true, lignes: 2, crees: 2 });
    const list = (await t.app.inject({ url: '/api/dynamiques', query: { q: m, tri: 'nom' } })).json();
    expect(list.items.map((d: { perimetre: { communes: string[] } }) => d.perimetre.communes)).toEqual([
      ['93066'],
      ['01004'],
    ]);
    expect(list.items[1].dateDebut).toBe('2019-03-01');
    await revert(report.lot);
  });

  it('reports errors with the sheet’s row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Dynamiques');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['CLS', marker(), 'actif', '42218']);
    sheet.addRow([]);
    sheet.addRow(['CLS', marker(), 'actif', 'Saint-Denis']);
    const res = await postImport(Buffer.from(await wb.xlsx.writeBuffer()), {
      contentType: 'application/octet-stream',
    });
    expect(res.json()).toMatchObject({ valide: false, lignes: 2 });
    expect(res.json().erreurs).toEqual([
      { ligne: 4, champ: 'communes', message: expect.stringMatching(/ambigu/) },
    ]);
  });
});

describe('import template', () => {
  it('CSV: header, an example and the columns documented; it imports cleanly', async () => {
    const res = await t.app.inject('/api/imports/dynamiques/modele?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="modele-import-dynamiques\.csv"/,
    );
    expect(res.body.startsWith(`\uFEFF${HEADER}`)).toBe(true);
    expect(res.body).toMatch(/^# communes — .*Saint-Denis \(93\)/m);
    const back = await postImport(res.body, { dryRun: true });
    expect(back.json()).toMatchObject({ valide: true, lignes: 1, crees: 1 });
  });

  it('XLSX: a data sheet and a documentation sheet; it imports cleanly', async () => {
    const res = await t.app.inject('/api/imports/dynamiques/modele?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dynamiques', 'Colonnes']);
    expect(wb.getWorksheet('Colonnes')?.actualRowCount).toBeGreaterThan(10);
    const back = await postImport(res.rawPayload, { dryRun: true, contentType: XLSX });
    expect(back.json()).toMatchObject({ valide: true, lignes: 1, crees: 1 });
  });

  it('unknown format → 400', async () => {
    const res = await t.app.inject('/api/imports/dynamiques/modele?format=ods');
    expect(res.statusCode).toBe(400);
  });
});

describe('exports', () => {
  let m: string;
  let lot: string;
  beforeAll(async () => {
    m = marker();
    const csv = [
      `${HEADER};porteurType;porteurCode`,
      `CLS;${m} contrat;actif;42218,42207;;;;Ville de Saint-Étienne;2013-05-01;;commune;42218`,
      `PTSM;${m} projet « santé mentale »; suspendu;;;2A;;;;2027-01-01;;`,
      `CPTS;${m} communauté;en_projet;;244200770;;;Association; 2022-02-01;;association;`,
    ].join('\n');
    const res = await postImport(csv);
    expect(res.json(), res.body).toMatchObject({ valide: true, crees: 3 });
    lot = res.json().lot;
  });
  afterAll(() => revert(lot));

  it('CSV export re-imports without changes, and an edited cell becomes a modification', async () => {
    const res = await t.app.inject({ url: '/api/dynamiques', query: { q: m, format: 'csv' } });
    expect(res.statusCode).toBe(200);
    const same = await postImport(res.body, { dryRun: true });
    expect(same.json()).toMatchObject({ valide: true, lignes: 3, crees: 0, modifies: 0, inchanges: 3 });
    const edited = res.body.replace(`${m} contrat`, `${m} contrat renouvelé`);
    expect(edited).not.toBe(res.body);
    const changed = await postImport(edited, { dryRun: true });
    expect(changed.json()).toMatchObject({ valide: true, modifies: 1, inchanges: 2 });
  });

  it('a name starting with « = » is exported as text, not as a formula, and re-imports unchanged', async () => {
    const f = marker();
    const created = await postImport(`${HEADER}\nCLS;=${f}+1;actif;42218;;;;;;;`);
    expect(created.json(), created.body).toMatchObject({ valide: true, crees: 1 });
    try {
      const csv = await t.app.inject({ url: '/api/dynamiques', query: { q: f, format: 'csv' } });
      const line = csv.body.split('\r\n')[1] as string;
      expect(line.split(';')[2]).toBe(`'=${f}+1`);
      const back = await postImport(csv.body, { dryRun: true });
      expect(back.json()).toMatchObject({ valide: true, inchanges: 1, modifies: 0 });
      const xlsx = await t.app.inject({ url: '/api/dynamiques', query: { q: f, format: 'xlsx' } });
      const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
      expect(sheet.getRow(2).getCell(3).value).toBe(`'=${f}+1`);
    } finally {
      await revert(created.json().lot);
    }
  });

  it('XLSX export: same columns, styled frozen header, and it parses back', async () => {
    const res = await t.app.inject({ url: '/api/dynamiques', query: { q: m, format: 'xlsx' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/dynamiques-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheet = (await readWorkbook(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    const csv = await t.app.inject({ url: '/api/dynamiques', query: { q: m, format: 'csv' } });
    const csvHeader = csv.body.replace('\uFEFF', '').split('\r\n')[0]?.split(';');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csvHeader);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.actualRowCount).toBe(4);
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(3).value);
    expect(names).toContain(`${m} projet « santé mentale »`);
    const back = await postImport(res.rawPayload, { dryRun: true, contentType: XLSX });
    expect(back.json()).toMatchObject({ valide: true, inchanges: 3 });
  });
});
