import { z } from '../zod-fr.ts';
import { CYCLE_MODELS, STEP_STATUSES } from './templates.ts';

const answerOut = z.object({ niveau: z.number().int(), preuves: z.string().nullable() });

export const selfAssessmentOut = z
  .object({
    id: z.string(),
    dynamique: z.string(),
    date: z.string(),
    criteres: z.record(z.string(), answerOut),
    commentaire: z.string().nullable(),
    auteur: z.string(),
    creeLe: z.string(),
  })
  .meta({ id: 'AutoEvaluation', description: 'Auto-évaluation d’une dynamique selon les sept critères' });
export type SelfAssessment = z.infer<typeof selfAssessmentOut>;

export const selfAssessmentsOut = z.object({
  total: z.number().int(),
  items: z.array(selfAssessmentOut),
});

export const projectCycleOut = z
  .object({
    dynamique: z.string(),
    modele: z.enum(CYCLE_MODELS),
    etapes: z.array(
      z.object({
        code: z.string(),
        libelle: z.string(),
        statut: z.enum(STEP_STATUSES),
        date: z.string().nullable(),
        note: z.string().nullable(),
        document: z
          .object({ notice: z.string().nullable(), url: z.string().nullable(), titre: z.string().nullable() })
          .nullable(),
        actions: z.array(z.string()),
      }),
    ),
    /** 0 while the dynamic has no cycle yet: the steps are then its kind's template. */
    version: z.number().int(),
    modifieLe: z.string().nullable(),
  })
  .meta({ id: 'CycleProjet', description: 'Cycle de projet d’une dynamique' });
export type ProjectCycle = z.infer<typeof projectCycleOut>;

export const distributionOut = z.object({
  /** Dynamics in the scope, and those with at least one self-assessment (the latest of each counts). */
  dynamiques: z.number().int(),
  evaluees: z.number().int(),
  criteres: z.array(
    z.object({
      code: z.string(),
      libelle: z.string(),
      niveaux: z.array(z.object({ niveau: z.number().int(), libelle: z.string(), nombre: z.number().int() })),
      moyenne: z.number().nullable(),
    }),
  ),
});
export type SelfAssessmentDistribution = z.infer<typeof distributionOut>;
