/**
 * Spreadsheet formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or CR may run as a
 * formula when the file is opened in a spreadsheet. The writers prefix such a cell with a single quote
 * (OWASP's advice for CSV); the readers drop that quote again, so an export re-imports unchanged.
 *
 * Plain numbers (`-3`, `-0.5`, `+2`) are left alone: they are values, not formulas.
 * Cells already starting with quotes before a formula start get one more, so that reading back always
 * removes exactly the quote the writer added.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const ADDED_QUOTE = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

export function guardFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return GUARDED.test(text) ? `'${text}` : text;
}

export function unguardFormula(cell: string): string {
  return ADDED_QUOTE.test(cell) ? cell.slice(1) : cell;
}
