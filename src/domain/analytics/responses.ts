import { documentsOnly, listOf } from '../kernel/responses.ts';
import { DYNAMIC_KINDS, TIMELINE_STATUSES } from '../registry/kinds.ts';
import { presentedDynamic } from '../registry/responses.ts';
import { linkedNotice } from '../resources/responses.ts';
import { territoryTypeSchema } from '../territories/schemas.ts';
import { z } from '../zod-fr.ts';

/** What the analyses and territory profiles answer (src/analytics/*.service.ts, domain/analytics). */

const kind = z.enum(DYNAMIC_KINDS);
const day = z.string().meta({ description: 'date AAAA-MM-JJ' });
const share = z.number().meta({ description: 'part, de 0 à 1' });
const named = z.object({ type: territoryTypeSchema, code: z.string(), nom: z.string() });

/** Communes and population covered by live dynamics of one kind. */
export const kindCoverage = z.object({
  communes: z.number().int(),
  population: z.number(),
  partCommunes: share,
  partPopulation: share,
  /** Counted apart: reached only by dynamics échue or of unknown status on the date. */
  communesIncertaines: z.number().int().optional(),
  populationIncertaine: z.number().optional(),
});
export type KindCoverage = z.infer<typeof kindCoverage>;
/** Coverage by kind of dynamic (`{CLS: {...}, ASV: {...}}`). */
const coverageByKind = z.record(z.string(), kindCoverage);

/** GET /api/analyses/comptages. */
export const countsResult = listOf(
  z.object({ territoire: named, type: kind, statut: z.enum(TIMELINE_STATUSES), nombre: z.number().int() }),
).extend({
  date: day,
  niveau: z.enum(['region', 'departement']),
  /** Figures published without a list of dynamics (never added to the counts). */
  declares: z.array(
    z.object({
      region: z.string().nullable(),
      departement: z.string().nullable(),
      type: z.string(),
      nombre: z.number().int(),
      date: day,
      source: z.string(),
      note: z.string(),
    }),
  ),
});
export type CountsResult = z.infer<typeof countsResult>;

/** GET /api/analyses/configurations: one entry for each of the 2^n combinations, zeros included. */
export const configurationsResult = z.object({
  date: day,
  base: kind,
  avec: z.array(kind),
  total: z.number().int(),
  /** Base dynamics left out of the matrix on that date: status unknown, or past their end date (échue). */
  aPart: z.object({ inconnu: z.array(z.string()), echue: z.array(z.string()) }),
  configurations: z.array(
    z.object({
      avec: z.array(kind),
      libelle: z.string(),
      nombre: z.number().int(),
      dynamiques: z.array(z.string()),
    }),
  ),
  /** Name of each dynamic listed by a configuration. */
  noms: z.record(z.string(), z.string()),
});
export type ConfigurationsResult = z.infer<typeof configurationsResult>;

/**
 * GET /api/analyses/couverture: one line per territory and kind, plus its ZONE_BLANCHE line. Documentation
 * only: by EPCI it has some 16,000 lines, which checking made three times slower to write (about 35 ms
 * more); the map asks it of every visitor.
 */
export const coverageResult = documentsOnly(
  listOf(
    kindCoverage.extend({
      territoire: z.object({
        type: z.enum(['region', 'departement', 'epci', 'commune']),
        code: z.string(),
        nom: z.string(),
      }),
      /** A kind of dynamic, or ZONE_BLANCHE: communes covered by none of the kinds. */
      type: z.string().meta({ description: 'type de dynamique, ou ZONE_BLANCHE' }),
    }),
  ).extend({ date: day, niveau: z.enum(['region', 'departement', 'epci', 'commune']) }),
);
export type CoverageResult = z.infer<typeof coverageResult>;

const dynamicRef = z.object({ id: z.string(), type: kind, nom: z.string() });

/** GET /api/analyses/articulation: pairs of dynamics of two kinds sharing communes. */
export const articulationResult = listOf(
  z.object({
    a: dynamicRef,
    b: dynamicRef,
    communesCommunes: z.number().int(),
    partA: share,
    partB: share,
    /** Link types declared between the two. */
    liens: z.array(z.string()),
  }),
).extend({ date: day });

const evolutionItem = z.object({ id: z.string(), type: z.string(), nom: z.string() });

/** GET /api/analyses/evolution. */
export const evolutionResult = z.object({
  depuis: day,
  jusqua: day,
  creees: z.array(evolutionItem),
  arretees: z.array(evolutionItem),
  changements: z.array(
    evolutionItem.extend({
      nature: z.enum(['statut', 'coordination']),
      avant: z.string(),
      apres: z.string(),
    }),
  ),
  /** Dynamics whose status is unknown on one of the two dates (not observed then): told apart. */
  inconnues: z.array(evolutionItem),
  /** Net change of live dynamics (en projet, active, suspended) per kind. */
  solde: z.record(z.string(), z.number().int()),
});
export type EvolutionResult = z.infer<typeof evolutionResult>;

/** QPV of the territory (latest generation loaded) and the share each kind of dynamic reaches. */
const qpvFigures = z.object({
  nombre: z.number().int(),
  population: z.number().nullable(),
  populationConnue: z.number().int(),
  couverture: z.record(
    z.string(),
    z.object({ qpv: z.number().int(), part: z.number(), population: z.number().nullable() }),
  ),
});

const profileBody = {
  date: day,
  dynamiques: z.array(presentedDynamic),
  /** Ids of the dynamics by kind. */
  parType: z.record(z.string(), z.array(z.string())),
  couverture: coverageByKind,
  /** Gaps in plain French. */
  lacunes: z.array(z.string()),
  qpv: qpvFigures,
};

/** GET /api/territoires/{type}/{code}/profil. */
export const territoryProfile = z.object({
  territoire: named.extend({ population: z.number().nullable() }),
  ...profileBody,
  /** Notices about the territory, the territories containing it, or its dynamics. */
  ressources: z.array(linkedNotice),
});
export type TerritoryProfile = z.infer<typeof territoryProfile>;

/** POST /api/territoires/perimetre/profil: compared with its main département, région and France. */
export const perimeterProfile = z.object({
  territoire: z.object({
    type: z.literal('perimetre'),
    nom: z.string(),
    communes: z.number().int(),
    population: z.number(),
  }),
  ...profileBody,
  comparaisons: z.array(
    z.object({ territoire: z.string(), population: z.number(), couverture: coverageByKind }),
  ),
});
export type PerimeterProfile = z.infer<typeof perimeterProfile>;
