import { z } from 'zod';
import { CODE_PATTERNS } from './types.ts';

/** GET /api/qpv: the quartiers prioritaires of a département (latest generation loaded), for maps and lists. */
export const qpvListQuery = z.object({
  departement: z
    .string({ error: () => 'obligatoire : code du département (ex. 69, 2A, 974)' })
    .regex(CODE_PATTERNS.departement, 'code de département invalide (ex. 69, 2A, 974)'),
});
export type QpvListQuery = z.infer<typeof qpvListQuery>;

export const qpvListResult = z.object({
  departement: z.string(),
  /** Generation of the listed QPV (e.g. 2024); null when the layer is not loaded. */
  generation: z.string().nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      nom: z.string(),
      population: z.number().int().nullable(),
      /** INSEE codes of the communes the quartier lies in. */
      communes: z.array(z.string()),
      /** Whether the loaded source gave its perimeter. */
      contour: z.boolean(),
    }),
  ),
});
export type QpvListResult = z.infer<typeof qpvListResult>;
