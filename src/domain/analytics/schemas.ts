import { DYNAMIC_KINDS } from '../registry/kinds.ts';
import {
  communeCode,
  csvList,
  departementCode,
  epciCode,
  isoDateSchema,
  kindSchema,
} from '../registry/schemas.ts';
import { reportTerritory } from '../reports/schemas.ts';
import { z } from '../zod-fr.ts';

const region = z.string().regex(/^\d{2}$/, 'code de région à 2 chiffres');
const format = z.enum(['json', 'csv', 'xlsx'], { error: () => 'format : json, csv ou xlsx' }).default('json');
const scope = {
  region: region.optional(),
  departement: departementCode.optional(),
  /** Any territory, EPCI and commune included (`epci:244200770`); takes the place of region/departement. */
  territoire: reportTerritory.optional(),
  date: isoDateSchema.optional(),
  format,
};

export const countsQuery = z.object({
  niveau: z
    .enum(['region', 'departement'], { error: () => 'niveau : region ou departement' })
    .default('region'),
  types: csvList(DYNAMIC_KINDS, 'type').optional(),
  ...scope,
});
export type CountsQuery = z.infer<typeof countsQuery>;

export const configurationsQuery = z.object({
  base: kindSchema.default('CONTRAT_VILLE'),
  avec: csvList(DYNAMIC_KINDS, 'type')
    .refine((l) => l.length >= 1 && l.length <= 6, 'de 1 à 6 types à croiser')
    .default(['ASV', 'CLS', 'CLSM']),
  ...scope,
});
export type ConfigurationsQuery = z.infer<typeof configurationsQuery>;

export const coverageQuery = z
  .object({
    niveau: z
      .enum(['region', 'departement', 'epci', 'commune'], {
        error: () => 'niveau : region, departement, epci ou commune',
      })
      .default('departement'),
    types: csvList(DYNAMIC_KINDS, 'type').optional(),
    ...scope,
  })
  // One line per commune and kind for all of France would be some 400,000 lines.
  .refine((q) => q.niveau !== 'commune' || Boolean(q.region || q.departement || q.territoire), {
    path: ['departement'],
    message: 'région ou département requis pour le niveau commune',
  });
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const articulationQuery = z.object({
  a: kindSchema.default('CPTS'),
  b: kindSchema.default('CLS'),
  ...scope,
});
export type ArticulationQuery = z.infer<typeof articulationQuery>;

export const evolutionQuery = z
  .object({
    region: region.optional(),
    departement: departementCode.optional(),
    territoire: reportTerritory.optional(),
    depuis: isoDateSchema,
    jusqua: isoDateSchema.optional(),
    format,
  })
  .refine((q) => !q.jusqua || q.jusqua >= q.depuis, { path: ['jusqua'], message: 'jusqua précède depuis' });
export type EvolutionQuery = z.infer<typeof evolutionQuery>;

export const profileQuery = z.object({ date: isoDateSchema.optional() });

export const perimeterProfileBody = z
  .object({
    communes: z.array(communeCode).max(40_000).default([]),
    epci: z.array(epciCode).max(2_000).default([]),
    date: isoDateSchema.optional(),
  })
  .refine((b) => b.communes.length + b.epci.length > 0, {
    path: ['communes'],
    message: 'indiquez au moins une commune ou un EPCI',
  });
export type PerimeterProfileBody = z.infer<typeof perimeterProfileBody>;
