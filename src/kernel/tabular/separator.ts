/** Column separators a CSV file may use, in order of preference when the header has as many of each. */
export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** Counts a character outside double quotes: enough to tell the separator from the header line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/** The separator the header line uses most; null when it has none (a single column, or `|`…). */
export function detectSeparator(headerLine: string): Separator | null {
  let best: Separator | null = null;
  let most = 0;
  for (const separator of SEPARATORS) {
    const n = countOutsideQuotes(headerLine, separator);
    if (n > most) {
      best = separator;
      most = n;
    }
  }
  return best;
}

export const separatorLabel = (s: Separator) => (s === '\t' ? 'tabulation' : `« ${s} »`);
