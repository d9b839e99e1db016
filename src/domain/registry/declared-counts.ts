import { z } from '../zod-fr.ts';
import { isoDateSchema, kindSchema } from './schemas.ts';

/**
 * A figure published by a source that gives a total (e.g. "27 ASV en Auvergne-Rhône-Alpes") without
 * naming the dynamics behind it. Kept apart from the registry: it is never added to registry counts.
 */

const regionCode = z.string().regex(/^\d{2}$/, 'code de région à 2 chiffres');
const departementCode = z.string().regex(/^(\d{2}|2[AB]|9[78]\d)$/, 'code de département attendu');

export const declaredCountSchema = z
  .object({
    /** null: national figure. */
    region: regionCode.nullable(),
    /** null: the figure covers the whole region (or the country). */
    departement: departementCode.nullable(),
    type: kindSchema,
    nombre: z.number().int('nombre entier attendu').min(0, 'nombre positif attendu'),
    /** Date the figure describes. */
    date: isoDateSchema,
    source: z.string().trim().min(1, 'source obligatoire').max(500),
    note: z.string().max(1000).default(''),
  })
  .strict()
  .refine((d) => d.departement === null || d.region !== null, {
    path: ['region'],
    message: 'un décompte départemental indique aussi sa région',
  });
export type DeclaredCount = z.infer<typeof declaredCountSchema>;

export const declaredCountQuery = z.object({
  region: regionCode.optional(),
  departement: departementCode.optional(),
  type: kindSchema.optional(),
});
export type DeclaredCountQuery = z.infer<typeof declaredCountQuery>;

export const declaredCountItem = z.object({
  region: z.string().nullable(),
  departement: z.string().nullable(),
  type: z.string(),
  nombre: z.number().int(),
  date: z.string(),
  source: z.string(),
  note: z.string(),
});

export const declaredCountList = z.object({
  total: z.number().int(),
  items: z.array(declaredCountItem),
});
