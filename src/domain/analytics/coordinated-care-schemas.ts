import { departementCode, isoDateSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';

/** GET /api/analyses/offre-coordonnee: one line per territory of the level, within the scope. */
export const coordinatedCareQuery = z.object({
  niveau: z
    .enum(['region', 'departement', 'epci'], { error: () => 'niveau : region, departement ou epci' })
    .default('departement'),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région à 2 chiffres')
    .optional(),
  departement: departementCode.optional(),
  date: isoDateSchema.optional(),
  format: z.enum(['json', 'csv', 'xlsx'], { error: () => 'format : json, csv ou xlsx' }).default('json'),
});
export type CoordinatedCareQuery = z.infer<typeof coordinatedCareQuery>;

const share = z.number().min(0).max(1);
const per10000 = z.number().nullable().meta({ description: 'pour 10 000 habitants ; null sans population' });

export const coordinatedCareFigures = z.object({
  population: z.number(),
  msp: z.number().int(),
  mspPour10000: per10000,
  centresDeSante: z.number().int(),
  centresDeSantePour10000: per10000,
  cpts: z.object({
    total: z.number().int(),
    perimetreConnu: z.number().int(),
    siegeSeul: z
      .number()
      .int()
      .meta({ description: 'CPTS connues par leur siège seul (périmètre à préciser)' }),
    partPopulationCouverte: share,
  }),
  cls: z.object({
    total: z.number().int(),
    avecCpts: z.number().int().meta({ description: 'CLS partageant une commune avec une CPTS ou son siège' }),
    partAvecCpts: share,
  }),
});

export const coordinatedCareResult = z.object({
  date: z.string(),
  niveau: z.enum(['region', 'departement', 'epci']),
  /** The whole scope (France, the région or the département asked for). */
  ensemble: coordinatedCareFigures,
  total: z.number().int(),
  items: z.array(
    coordinatedCareFigures.extend({
      territoire: z.object({
        type: z.enum(['region', 'departement', 'epci']),
        code: z.string(),
        nom: z.string(),
      }),
    }),
  ),
});
export type CoordinatedCareResult = z.infer<typeof coordinatedCareResult>;
