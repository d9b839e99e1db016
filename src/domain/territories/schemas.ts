import { z } from '../zod-fr.ts';
import { CODE_PATTERNS, TERRITORY_TYPES } from './types.ts';

/** Shared by the API (validation + OpenAPI) and the web client. */

export const territoryTypeSchema = z.enum(TERRITORY_TYPES, {
  error: () => `type inconnu : valeurs possibles ${TERRITORY_TYPES.join(', ')}`,
});

export const territorySearchQuery = z.object({
  q: z
    .string({ error: 'le paramètre q est obligatoire' })
    .trim()
    .min(1, 'la recherche ne peut pas être vide')
    .max(200, 'la recherche ne peut pas dépasser 200 caractères'),
  type: territoryTypeSchema.optional(),
  limit: z.coerce
    .number({ error: 'limit doit être un nombre' })
    .int('limit doit être un entier')
    .min(1, 'limit doit être au moins 1')
    .max(100, 'limit ne peut pas dépasser 100')
    .default(10),
});
export type TerritorySearchQuery = z.infer<typeof territorySearchQuery>;

export const communeNatureSchema = z.enum([
  'commune_actuelle',
  'commune_deleguee',
  'commune_associee',
  'arrondissement_municipal',
]);

export const territorySearchItem = z.object({
  type: territoryTypeSchema,
  code: z.string(),
  nom: z.string(),
  population: z.number().nullable().optional(),
  departement: z.string().optional(),
  region: z.string().optional(),
  nature: communeNatureSchema.optional(),
});

export const territorySearchResult = z.object({
  total: z.number().int(),
  items: z.array(territorySearchItem),
});

export const territoryParams = z
  .object({
    type: territoryTypeSchema,
    code: z.string().max(20, 'code trop long'),
  })
  .superRefine((p, ctx) => {
    if (!CODE_PATTERNS[p.type].test(p.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `code de ${p.type} mal formé : « ${p.code} »`,
      });
    }
  });

export const territoryRef = z.object({
  type: territoryTypeSchema,
  code: z.string(),
  nom: z.string(),
  nature: communeNatureSchema.optional(),
});

export const territoryDetail = z.object({
  type: territoryTypeSchema,
  code: z.string(),
  nom: z.string(),
  population: z.number().nullable(),
  nature: communeNatureSchema.optional(),
  codesPostaux: z.array(z.string()).optional(),
  parents: z.array(territoryRef),
  enfants: z.array(territoryRef),
});
export type TerritoryDetail = z.infer<typeof territoryDetail>;
