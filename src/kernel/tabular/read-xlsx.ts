import ExcelJS from 'exceljs';
import { invalid } from '../../domain/errors.ts';
import { foldText } from '../../domain/text/normalize.ts';
import { unguardFormula } from './formula-guard.ts';
import { DEFAULT_EMPTY_MESSAGE, emptyTable, type RawRow, type RawTable } from './raw-table.ts';

export interface XlsxOptions {
  /** Sheet read when the workbook has one of that name (accents and case ignored); else the first filled. */
  sheet?: string | undefined;
  /** Problem reported for a workbook without a header, in the importer's words. */
  emptyMessage?: string | undefined;
}

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

/** XLSX bytes → raw table: one sheet, blank rows skipped, row numbers as the spreadsheet shows them. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<RawTable> {
  const emptyMessage = options.emptyMessage ?? DEFAULT_EMPTY_MESSAGE;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      'Classeur XLSX illisible ou endommagé : enregistrez-le à nouveau au format XLSX ou CSV UTF-8',
    );
  }
  const sheets = workbook.worksheets;
  const wanted = options.sheet === undefined ? undefined : foldText(options.sheet);
  const sheet =
    sheets.find((s) => wanted !== undefined && foldText(s.name) === wanted) ??
    sheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return emptyTable('xlsx', emptyMessage);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = unguardFormula(cellText(cell.value));
    });
    rows.push({ line: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  const [header, ...data] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return emptyTable('xlsx', emptyMessage);
  return { format: 'xlsx', header: header.cells, headerLine: header.line, rows: data, problems: [] };
}
