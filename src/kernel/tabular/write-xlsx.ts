import ExcelJS from 'exceljs';
import { type CellValue, cellOut } from './write-csv.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetSpec {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** Column widths in characters; computed from the content when absent. */
  widths?: number[];
}

/**
 * One workbook, one sheet per spec: bold header on the DSFR blue, first row frozen, filters on, and
 * every cell written as text so that codes keep their leading zeros (formula starts guarded as in CSV).
 */
export async function toXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Observatoire DTS';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(spec.header.map(cellOut));
    for (const row of spec.rows) sheet.addRow(row.map(cellOut));
    spec.header.forEach((title, i) => {
      const column = sheet.getColumn(i + 1);
      column.numFmt = '@';
      const longest = Math.max(title.length, ...spec.rows.map((r) => cellOut(r[i]).length));
      column.width = spec.widths?.[i] ?? Math.min(60, Math.max(10, longest + 2));
    });
    const head = sheet.getRow(1);
    head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000091' } };
    head.alignment = { vertical: 'middle' };
    if (spec.header.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.header.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
