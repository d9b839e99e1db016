import { isoDateSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';
import { CRITERIA, CRITERION_CODES, MAX_LEVEL } from './criteria.ts';
import { CYCLE_MODELS, STEP_STATUSES } from './templates.ts';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .nullish()
    .transform((v) => (v ? v : null));

const criterionAnswer = z.object({
  niveau: z
    .number({ error: `niveau attendu : un entier de 0 à ${MAX_LEVEL}` })
    .int(`niveau attendu : un entier de 0 à ${MAX_LEVEL}`)
    .min(0, `niveau attendu : un entier de 0 à ${MAX_LEVEL}`)
    .max(MAX_LEVEL, `niveau attendu : un entier de 0 à ${MAX_LEVEL}`),
  preuves: text(2000),
});

/** One self-assessment: every criterion rated, with what shows it, on a day. */
export const selfAssessmentInput = z
  .object({
    date: isoDateSchema,
    criteres: z.object(
      Object.fromEntries(CRITERIA.map((c) => [c.code, criterionAnswer])) as Record<
        (typeof CRITERION_CODES)[number],
        typeof criterionAnswer
      >,
      { error: `les sept critères sont attendus : ${CRITERION_CODES.join(', ')}` },
    ),
    commentaire: text(2000),
  })
  .strict();
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInput>;

const documentRef = z
  .object({
    notice: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .nullish()
      .transform((v) => v ?? null),
    url: z.url({ protocol: /^https?$/, error: 'URL invalide : adresse http(s) attendue' }).nullish(),
    titre: text(300),
  })
  .transform((d) => ({ notice: d.notice, url: d.url ?? null, titre: d.titre }));

const step = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'code d’étape : lettres minuscules, chiffres et _ (40 au plus)'),
  libelle: z.string().trim().min(1, 'libellé obligatoire').max(200, '200 caractères au plus'),
  statut: z.enum(STEP_STATUSES, { error: `statut attendu : ${STEP_STATUSES.join(', ')}` }),
  date: isoDateSchema.nullish().transform((v) => v ?? null),
  note: text(2000),
  document: documentRef.nullish().transform((v) => (v && (v.notice || v.url) ? v : null)),
  actions: z
    .array(z.string().trim().min(1).max(64))
    .max(200, '200 actions au plus')
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

/** A dynamic's project cycle: a template and its steps, in order. */
export const projectCycleInput = z
  .object({
    modele: z.enum(CYCLE_MODELS, { error: `modèle attendu : ${CYCLE_MODELS.join(', ')}` }),
    etapes: z.array(step).min(1, 'au moins une étape').max(30, '30 étapes au plus'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.etapes.forEach((s, i) => {
      if (seen.has(s.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['etapes', i, 'code'],
          message: `étape « ${s.code} » en double`,
        });
      }
      seen.add(s.code);
    });
  });
export type ProjectCycleInput = z.infer<typeof projectCycleInput>;

export const distributionQuery = z
  .object({
    region: z
      .string()
      .regex(/^\d{2,3}$/, 'code de région attendu')
      .optional(),
    departement: z
      .string()
      .regex(/^(\d{2}|2[AB]|9[78]\d)$/, 'code de département attendu')
      .optional(),
  })
  .strict();
export type DistributionQuery = z.infer<typeof distributionQuery>;
