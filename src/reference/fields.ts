import { isStorableText, UNSTORABLE_TEXT } from '../domain/kernel/storable-text.ts';
import { CODE_PATTERNS } from '../domain/territories/types.ts';
import { z } from '../domain/zod-fr.ts';

/**
 * Field schemas shared by the reference importers. Values arrive as files write them: codes may be
 * numbers whose leading zero a spreadsheet dropped, so they are normalised before the format check.
 */
export function asCode(value: unknown, width: number): unknown {
  const v = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof v !== 'string') return v;
  const code = v.trim().toUpperCase();
  // Codes have at most one leading zero (01053, 09): only that one can have been lost.
  return /^\d+$/.test(code) && code.length === width - 1 ? `0${code}` : code;
}

const quoted = (input: unknown) => `« ${String(input)} »`;

export const communeCodeSchema = z.preprocess(
  (v) => asCode(v, 5),
  z.string().regex(CODE_PATTERNS.commune, {
    error: (iss) => `code commune INSEE mal formé : ${quoted(iss.input)} (5 caractères attendus)`,
  }),
);

export const departementCodeSchema = z.preprocess(
  (v) => asCode(v, 2),
  z.string().regex(CODE_PATTERNS.departement, {
    error: (iss) => `code de département mal formé : ${quoted(iss.input)}`,
  }),
);

export const qpvCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string({ error: 'code du quartier manquant' }).regex(CODE_PATTERNS.qpv, {
    error: (iss) => `code de QPV mal formé : ${quoted(iss.input)} (par exemple QN00101M ou QP009001)`,
  }),
);

export const nameSchema = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: `${what} manquant` })
      .trim()
      .min(1, `${what} vide`)
      .max(300, `${what} trop long (300 caractères au plus)`)
      .refine(isStorableText, `${what} : ${UNSTORABLE_TEXT}`),
  );

export const countSchema = z
  .number({ error: (iss) => `nombre entier positif attendu, lu : ${quoted(iss.input)}` })
  .int('nombre entier attendu')
  .nonnegative('nombre positif attendu')
  .nullable();
