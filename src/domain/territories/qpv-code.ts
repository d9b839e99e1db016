import { CODE_PATTERNS } from './types.ts';

/**
 * What a QPV code says by itself. The national numbering puts the département on three characters after
 * the two-letter prefix ("QP009001" → 09, "QN97101M" → 971, "QN02A01M" → 2A); the prefix tells the
 * generation: QP for the 2015 geography, QN for the 2024 one (2025 overseas).
 */
const GENERATIONS: Record<string, string> = { QP: '2015', QN: '2024' };

export function isQpvCode(code: string): boolean {
  return CODE_PATTERNS.qpv.test(code);
}

export function departementOfQpvCode(code: string): string | null {
  if (!isQpvCode(code)) return null;
  const part = code.slice(2, 5);
  if (/^02[AB]$/.test(part)) return part.slice(1);
  if (/^2[AB]/.test(part)) return part.slice(0, 2);
  if (/^9[78]\d$/.test(part)) return part;
  if (/^0\d\d$/.test(part)) return part.slice(1);
  return null;
}

export function qpvGeneration(code: string): string | null {
  return GENERATIONS[code.slice(0, 2)] ?? null;
}
