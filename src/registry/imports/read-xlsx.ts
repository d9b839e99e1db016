import ExcelJS from 'exceljs';
import { invalid } from '../../domain/errors.ts';
import { foldText } from '../../domain/text/normalize.ts';
import { EMPTY_FILE_MESSAGE, emptyTable, type RawRow, type RawTable } from './raw-table.ts';

/** Sheet read when a workbook has several (the template's second sheet documents the columns). */
export const DATA_SHEET = 'Dynamiques';

/** Text of a cell whatever exceljs made of it: dates become AAAA-MM-JJ, formulas their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('text' in value) return String(value.text);
  return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      'Classeur XLSX illisible ou endommagé : enregistrez-le à nouveau au format XLSX ou CSV UTF-8',
    );
  }
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((s) => foldText(s.name) === foldText(DATA_SHEET)) ?? sheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return emptyTable('xlsx', EMPTY_FILE_MESSAGE);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ line: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  const [header, ...data] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return emptyTable('xlsx', EMPTY_FILE_MESSAGE);
  return { format: 'xlsx', header: header.cells, headerLine: header.line, rows: data, problems: [] };
}
