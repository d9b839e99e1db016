import { importIssue } from '../kernel/import-issue.ts';
import { z } from '../zod-fr.ts';
import { FACETS } from './action-filter.ts';

/** Response schemas of the actions module: Fastify `response`, OpenAPI and the web client's types. */

const funderOut = z.object({ type: z.string(), nom: z.string().nullable(), montant: z.number().nullable() });

export const actionOut = z
  .object({
    id: z.string(),
    type: z.string(),
    titre: z.string(),
    resume: z.string().nullable(),
    territoire: z.object({
      communes: z.array(z.string()),
      epci: z.array(z.string()),
      qpv: z.array(z.string()),
    }),
    echelle: z.string().nullable(),
    milieu: z.string().nullable(),
    qpv: z.boolean(),
    publics: z.array(z.string()),
    dynamiques: z.array(z.object({ id: z.string(), role: z.string() })),
    financeurs: z.array(funderOut),
    partenaires: z.array(z.object({ nom: z.string(), type: z.string().nullable() })),
    impliqueVille: z.boolean(),
    politiques: z.array(z.string()),
    axesOttawa: z.array(z.string()),
    etapes: z.array(z.string()),
    themes: z.array(z.string()),
    determinants: z.array(z.string()),
    debut: z.string().nullable(),
    fin: z.string().nullable(),
    evaluation: z.string().nullable(),
    resultats: z.string().nullable(),
    ressources: z.array(z.string()),
    /** `fin − debut` in years (today when `fin` is null); null without a start date. */
    duree: z.number().nullable(),
    /** The dynamics involved with their kind and name as the registry gave them when the action was written. */
    dynamiquesDetail: z.array(
      z.object({ id: z.string(), role: z.string(), type: z.string().nullable(), nom: z.string().nullable() }),
    ),
    departements: z.array(z.string()),
    regions: z.array(z.string()),
    version: z.number().int(),
    creeLe: z.string(),
    modifieLe: z.string(),
  })
  .meta({ id: 'Action' });
export type ActionOut = z.infer<typeof actionOut>;

const facetEntry = z.object({ valeur: z.string(), libelle: z.string(), nombre: z.number().int() });
export const actionFacets = z.object(
  Object.fromEntries(FACETS.map((f) => [f, z.array(facetEntry)])) as Record<
    (typeof FACETS)[number],
    z.ZodArray<typeof facetEntry>
  >,
);
export type ActionFacets = z.infer<typeof actionFacets>;

export const actionResults = z.object({
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  items: z.array(actionOut),
  facettes: actionFacets,
});
export type ActionResults = z.infer<typeof actionResults>;

const shares = z.record(z.string(), z.number());

export const gridAnalysisOut = z
  .object({
    total: z.number().int(),
    partUrbain: z.number(),
    partRural: z.number(),
    parMilieu: shares,
    partQpv: z.number(),
    partQpvParmiUrbain: z.number(),
    parEchelle: shares,
    partAvecDynamique: z.number(),
    parDispositif: z.record(
      z.string(),
      z.object({ part: z.number(), partPorteur: z.number(), partPartenaire: z.number() }),
    ),
    partVille: z.number(),
    partFinancees: z.number(),
    partMultiFinancees: z.number(),
    mentionsFinanceurs: z.number().int(),
    financeurs: z.array(
      z.object({
        type: z.string(),
        mentions: z.number().int(),
        partMentions: z.number(),
        actions: z.number().int(),
        partActions: z.number(),
      }),
    ),
    pairesFinanceurs: z.array(
      z.object({ types: z.array(z.string()), nombre: z.number().int(), part: z.number() }),
    ),
    politiquesLiees: z.object({
      nombre: z.number().int(),
      part: z.number(),
      partSante: z.number(),
      parPolitique: shares,
    }),
    duree: z.object({
      nombre: z.number().int(),
      moyenne: z.number().nullable(),
      mediane: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  })
  .meta({ id: 'AnalyseActions' });
export type GridAnalysisOut = z.infer<typeof gridAnalysisOut>;

export const settingSuggestionOut = z.object({
  milieu: z.string().nullable(),
  motif: z.string(),
});

export const actionImportReport = z.object({
  valide: z.boolean(),
  lignes: z.number().int(),
  erreurs: z.array(importIssue),
  crees: z.number().int(),
  modifies: z.number().int(),
  inchanges: z.number().int(),
  dryRun: z.boolean(),
  lot: z.string().nullable(),
});
export type ActionImportReport = z.infer<typeof actionImportReport>;

const vocabularyEntry = z.object({ valeur: z.string(), libelle: z.string() });
export const actionVocabulariesOut = z.record(z.string(), z.array(vocabularyEntry));
