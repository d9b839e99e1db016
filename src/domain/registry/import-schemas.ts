import { z } from '../zod-fr.ts';

/** Query parameters of the import, template and change-set endpoints. */
export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { error: () => 'dryRun : true ou false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export const templateQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: () => 'format : csv ou xlsx' }).default('csv'),
});

export const lotListQuery = z.object({
  page: z.coerce.number().int().min(1, 'page commence à 1').max(100_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit doit être au moins 1')
    .max(500, 'limit ne peut pas dépasser 500')
    .default(50),
  /** Only the change sets that wrote records of this kind (`notice`, `dynamique`, `action`). */
  entite: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'type d’enregistrement attendu, par exemple notice ou dynamique')
    .optional(),
});

export const lotIdParams = z.object({ id: z.string().min(1).max(64, 'identifiant trop long') });
