import { z } from '../zod-fr.ts';

export const restoreParams = z.object({
  entite: z.string().min(1).max(50),
  id: z.string().min(1).max(200),
});

export const restoreInput = z.object({
  /** The earlier version to write again, as the history numbers it. */
  version: z.number({ error: 'numéro de version attendu' }).int().min(1),
});

export const restoreOut = z.object({
  entite: z.string(),
  id: z.string(),
  /** The new version written. */
  version: z.number().int(),
  /** The earlier version it copies. */
  restauree: z.number().int(),
});
