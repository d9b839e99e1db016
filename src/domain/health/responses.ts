import { z } from '../zod-fr.ts';

/** GET /api/health. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  /** Rows of each reference table (current communes only; qpv is 0 until the layer is imported). */
  reference: z.record(z.string(), z.number()),
});
export type HealthResponse = z.infer<typeof healthResponse>;
