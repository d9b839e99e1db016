import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importIssue } from '../../src/domain/kernel/import-issue.ts';
import { z } from '../../src/domain/zod-fr.ts';
import { decodeText } from '../../src/kernel/tabular/decode-text.ts';
import { guardFormula, unguardFormula } from '../../src/kernel/tabular/formula-guard.ts';
import { ImportIssues, MAX_REPORTED_ISSUES, sortAndCap } from '../../src/kernel/tabular/import-issues.ts';
import { readCsv } from '../../src/kernel/tabular/read-csv.ts';
import { readTable } from '../../src/kernel/tabular/read-table.ts';
import { readXlsx } from '../../src/kernel/tabular/read-xlsx.ts';
import { detectSeparator } from '../../src/kernel/tabular/separator.ts';
import { toFrenchCsv } from '../../src/kernel/tabular/write-csv.ts';
import { toXlsx } from '../../src/kernel/tabular/write-xlsx.ts';

/** A column set of no entity of the platform: the kernel must not care what the columns mean. */
const FRUIT_COLUMNS = ['fruit', 'couleur', 'poids'] as const;
const bytes = (text: string) => Buffer.from(text, 'utf8');

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

describe('encoding detection', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(bytes('pêche;été'))).toEqual({ text: 'pêche;été', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM, dropping it', () => {
    expect(decodeText(bytes('\uFEFFpêche'))).toEqual({ text: 'pêche', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (é = E9, ’ = 92, œ = 9C, € = 80)', () => {
    const text = decodeText(Buffer.from([0x6c, 0x92, 0xe9, 0x74, 0xe9, 0x20, 0x9c, 0x80]));
    expect(text).toEqual({ text: 'l’été œ€', encoding: 'windows-1252' });
  });

  it('an explicit encoding wins over detection', () => {
    // Valid UTF-8 (« é » is C3 A9) that the sender says is Windows-1252.
    expect(decodeText(bytes('é'), 'windows-1252')).toEqual({ text: 'Ã©', encoding: 'windows-1252' });
    expect(() => decodeText(Buffer.from([0x70, 0xe9]), 'utf-8')).toThrow(/pas en UTF-8 valide/);
  });

  it('refuses UTF-16 and binary content with a French message', () => {
    expect(() => decodeText(Buffer.from('\uFEFFfruit', 'utf16le'))).toThrow(/UTF-16/);
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0, 0]))).toThrow(/ni un CSV/);
  });
});

describe('CSV reader', () => {
  it('detects the separator from the header: « ; », « , » or tab, outside quotes', () => {
    expect(detectSeparator('fruit;couleur;poids')).toBe(';');
    expect(detectSeparator('fruit,couleur,poids')).toBe(',');
    expect(detectSeparator('fruit\tcouleur\tpoids')).toBe('\t');
    expect(detectSeparator('"fruit;rouge",couleur,poids')).toBe(',');
    expect(detectSeparator('fruit|couleur')).toBeNull();
  });

  it.each([
    [';', 'fruit;couleur;poids\npomme;rouge;120\n'],
    [',', 'fruit,couleur,poids\npomme,rouge,120\n'],
    ['\t', 'fruit\tcouleur\tpoids\npomme\trouge\t120\n'],
  ])('reads a file separated by %j', (separator, text) => {
    const table = readCsv(bytes(text));
    expect(table).toMatchObject({ format: 'csv', separator, encoding: 'utf-8', problems: [] });
    expect(table.header).toEqual([...FRUIT_COLUMNS]);
    expect(table.rows).toEqual([{ line: 2, cells: ['pomme', 'rouge', '120'] }]);
  });

  it('reads a Windows-1252 file with its accents', () => {
    const table = readCsv(Buffer.from('fruit;couleur\nfraise;rouge vif\nmûre;noire\n', 'latin1'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows[1]?.cells).toEqual(['mûre', 'noire']);
  });

  it('numbers lines as the file does: blank lines, comments and multi-line cells counted', () => {
    const text = '\n# une note\nfruit;couleur\npomme;"rouge\net jaune"\n\npoire;verte\n';
    const table = readCsv(bytes(text), { comments: true });
    expect(table.headerLine).toBe(3);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [4, 'pomme'],
      [7, 'poire'],
    ]);
  });

  it('keeps lines starting with « # » unless told they are comments', () => {
    const table = readCsv(bytes('fruit;couleur\n#1 pomme;rouge\n'));
    expect(table.rows.map((r) => r.cells[0])).toEqual(['#1 pomme']);
  });

  it('reports file problems with their line: no separator, unclosed quote, empty file', () => {
    expect(readCsv(bytes('\nfruit|couleur\npomme|rouge')).problems).toEqual([
      { ligne: 2, champ: '(fichier)', message: expect.stringMatching(/séparateur de colonnes non reconnu/) },
    ]);
    expect(readCsv(bytes('fruit;couleur\npomme;"rouge\npoire;verte\n')).problems).toEqual([
      { ligne: expect.any(Number), champ: '(fichier)', message: expect.stringMatching(/guillemet/) },
    ]);
    expect(readCsv(bytes('\n\n'), { emptyMessage: 'fichier vide : des fruits attendus' }).problems).toEqual([
      { ligne: 1, champ: '(fichier)', message: 'fichier vide : des fruits attendus' },
    ]);
  });

  it('drops the quote the writers add before a formula start', () => {
    const table = readCsv(bytes("fruit;couleur\n'=pomme;''-rouge\n'plain;-3\n"));
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['=pomme', "'-rouge"],
      ["'plain", '-3'],
    ]);
  });
});

describe('XLSX reader', () => {
  it('reads the named sheet, text of every cell kind, with the row numbers of the sheet', async () => {
    const body = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['à ignorer']);
      const sheet = wb.addWorksheet('Récolte');
      sheet.addRow([]);
      sheet.addRow([...FRUIT_COLUMNS, 'cueilli']);
      sheet.addRow([
        'pomme',
        { richText: [{ text: 'rou' }, { text: 'ge' }] },
        120,
        new Date(Date.UTC(2024, 8, 1)),
      ]);
      sheet.addRow([]);
      sheet.addRow(['poire', 'verte', { formula: '100+5', result: 105 }, true]);
    });
    const table = await readXlsx(body, { sheet: 'recolte' });
    expect(table).toMatchObject({ format: 'xlsx', headerLine: 2, problems: [] });
    expect(table.header).toEqual([...FRUIT_COLUMNS, 'cueilli']);
    expect(table.rows).toEqual([
      { line: 3, cells: ['pomme', 'rouge', '120', '2024-09-01'] },
      { line: 5, cells: ['poire', 'verte', '105', 'oui'] },
    ]);
  });

  it('without the named sheet, reads the first filled one; an empty workbook is a problem', async () => {
    const filled = await workbook((wb) => {
      wb.addWorksheet('Vide');
      wb.addWorksheet('Feuille 2').addRow(['fruit', 'couleur']);
    });
    expect((await readXlsx(filled, { sheet: 'Récolte' })).header).toEqual(['fruit', 'couleur']);
    const empty = await workbook((wb) => wb.addWorksheet('Vide'));
    expect((await readXlsx(empty)).problems).toEqual([
      { ligne: 1, champ: '(fichier)', message: expect.stringMatching(/fichier vide/) },
    ]);
  });

  it('readTable tells XLSX from CSV by content, and refuses XLS 97 and fake XLSX', async () => {
    const body = await workbook((wb) => wb.addWorksheet('F').addRow(['fruit', 'couleur']));
    expect((await readTable(body, { filename: 'fruits.csv' })).format).toBe('xlsx');
    expect((await readTable(bytes('fruit;couleur\n'), { filename: 'fruits.txt' })).format).toBe('csv');
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]))).rejects.toThrow(/XLS \(Excel 97/);
    await expect(readTable(bytes('fruit;couleur'), { filename: 'fruits.xlsx' })).rejects.toThrow(
      /annoncé comme XLSX/,
    );
  });
});

describe('import issues', () => {
  it('the shape is declared once, in the domain', () => {
    expect(importIssue.parse({ ligne: 2, champ: 'fruit', message: 'inconnu' })).toEqual({
      ligne: 2,
      champ: 'fruit',
      message: 'inconnu',
    });
    expect(importIssue.safeParse({ position: 2, field: 'fruit', message: 'inconnu' }).success).toBe(false);
  });

  it('sorts by line, then in the importer’s column order (sub-paths with their column, unknown last)', () => {
    const issues = new ImportIssues({ columns: FRUIT_COLUMNS });
    issues.add(3, 'poids', 'nombre attendu');
    issues.add(2, '(fichier)', 'autre');
    issues.add(2, 'poids.0', 'négatif');
    issues.add(2, 'fruit', 'inconnu');
    issues.add(1, 'couleur', 'en double');
    expect(issues.sorted().map((i) => [i.ligne, i.champ])).toEqual([
      [1, 'couleur'],
      [2, 'fruit'],
      [2, 'poids.0'],
      [2, '(fichier)'],
      [3, 'poids'],
    ]);
  });

  it('caps the list, the last entry saying how many more there were', () => {
    const many = Array.from({ length: MAX_REPORTED_ISSUES + 5 }, (_, i) => ({
      ligne: i + 2,
      champ: 'fruit',
      message: 'inconnu',
    }));
    const capped = sortAndCap(many.reverse(), { columns: FRUIT_COLUMNS });
    expect(capped).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(capped[0]?.ligne).toBe(2);
    expect(capped.at(-1)).toEqual({
      ligne: MAX_REPORTED_ISSUES + 6,
      champ: '(fichier)',
      message: '… et 5 autres erreurs non détaillées',
    });
    expect(sortAndCap(many, { cap: 3 })).toHaveLength(4);
    expect(sortAndCap(many, { cap: Number.POSITIVE_INFINITY })).toHaveLength(many.length);
  });

  it('turns zod issues into import issues named by their path', () => {
    const schema = z.object({ fruit: z.string(), poids: z.array(z.number()) });
    const parsed = schema.safeParse({ fruit: 3, poids: ['lourd'] });
    if (parsed.success) throw new Error('erreur attendue');
    const issues = new ImportIssues({ columns: FRUIT_COLUMNS });
    issues.fromZod(4, parsed.error);
    expect(issues.sorted().map((i) => [i.ligne, i.champ])).toEqual([
      [4, 'fruit'],
      [4, 'poids.0'],
    ]);
  });
});

describe('formula guard', () => {
  it.each([
    ['=SOMME(A1:A2)', "'=SOMME(A1:A2)"],
    ['+33 1 02 03 04 05', "'+33 1 02 03 04 05"],
    ['-pomme', "'-pomme"],
    ['@pomme', "'@pomme"],
    ['\tpomme', "'\tpomme"],
    ['\rpomme', "'\rpomme"],
    ["'=déjà", "''=déjà"],
    ['-3', '-3'],
    ['-0.5', '-0.5'],
    ['-0,5', '-0,5'],
    ['+2', '+2'],
    ['pomme = fruit', 'pomme = fruit'],
    ["l'=pomme", "l'=pomme"],
  ])('%j is written %j and reads back unchanged', (value, written) => {
    expect(guardFormula(value)).toBe(written);
    expect(unguardFormula(guardFormula(value))).toBe(value);
  });
});

describe('French writers', () => {
  it('CSV: BOM, « ; », CRLF, quotes where needed, formula starts guarded, numbers kept', () => {
    const csv = toFrenchCsv(
      [...FRUIT_COLUMNS],
      [
        ['pomme; reinette', 'rouge "vif"', 120],
        ['=HYPERLINK("x")', '-rouge', -3],
        ['poire', null, '-0.5'],
        ['ligne\nsuivante', undefined, 0],
      ],
    );
    expect(csv).toBe(
      '\uFEFFfruit;couleur;poids\r\n' +
        '"pomme; reinette";"rouge ""vif""";120\r\n' +
        `"'=HYPERLINK(""x"")";'-rouge;-3\r\n` +
        'poire;;-0.5\r\n' +
        '"ligne\nsuivante";;0\r\n',
    );
  });

  it('CSV written then read gives back the values', () => {
    const rows = [
      ['=1+1', '@moi', '-3'],
      ["'=2", 'é', ''],
    ];
    const table = readCsv(bytes(toFrenchCsv([...FRUIT_COLUMNS], rows)));
    expect(table.header).toEqual([...FRUIT_COLUMNS]);
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });

  it('XLSX: text cells, bold frozen header, formula starts guarded, numbers kept, reads back', async () => {
    const body = await toXlsx([
      {
        name: 'Récolte',
        header: [...FRUIT_COLUMNS],
        rows: [
          ['=1+1', '-vert', -3],
          ['01', '+rouge', '-0.5'],
        ],
      },
    ]);
    const sheet = await sheetOf(body);
    expect(sheet.name).toBe('Récolte');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["'=1+1", "'-vert", '-3']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['01', "'+rouge", '-0.5']);
    const table = await readXlsx(body);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['=1+1', '-vert', '-3'],
      ['01', '+rouge', '-0.5'],
    ]);
  });
});
