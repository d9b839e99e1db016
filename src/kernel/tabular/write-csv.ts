import { guardFormula } from './formula-guard.ts';

/** A cell as exporters give it: numbers stay numbers, empty values become empty cells. */
export type CellValue = string | number | null | undefined;

/** Text of a cell, safe to open in a spreadsheet (numbers are never guarded: `-3` is a value). */
export function cellOut(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : guardFormula(value);
}

/** CSV in the French Excel convention: `;` separator, CRLF, UTF-8 BOM, quotes only where needed. */
export function toFrenchCsv(header: string[], rows: CellValue[][]): string {
  const cell = (v: CellValue) => {
    const s = cellOut(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
