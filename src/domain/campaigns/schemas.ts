import { rejectUnstorableText } from '../kernel/storable-text.ts';
import {
  carrierSchema,
  contactSchema,
  coordinationPostSchema,
  departementCode,
  isoDateSchema,
  kindSchema,
  perimeterInput,
  statusSchema,
} from '../registry/schemas.ts';
import { CODE_PATTERNS } from '../territories/types.ts';
import { z } from '../zod-fr.ts';
import {
  ANSWER_DECISIONS,
  CAMPAIGN_FIELDS,
  PROPOSAL_STATES,
  QUESTION_TYPES,
  RECIPIENT_STATES,
} from './vocabulary.ts';

/** Shared by the API (validation, OpenAPI), the CLI and the web client. */

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);

export const questionSchema = z
  .object({
    /** Stable key of the answer (`[a-z0-9_]`), so that answers survive a reworded question. */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'identifiant de question : lettres minuscules, chiffres et _'),
    libelle: text(500).min(1, 'libellé de la question obligatoire'),
    type: z.enum(QUESTION_TYPES, { error: () => `type de question inconnu : ${QUESTION_TYPES.join(', ')}` }),
    options: z.array(text(200).min(1)).max(30).default([]),
    obligatoire: z.boolean().default(false),
    aide: text(1000).nullish(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'choix' || q.type === 'choix_multiples';
    if (choice && q.options.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'au moins deux options pour une question à choix',
      });
    }
    if (!choice && q.options.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'des options seulement pour une question à choix',
      });
    }
    if (new Set(q.options).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options en double' });
    }
  });
export type CampaignQuestion = z.infer<typeof questionSchema>;

export const recipientInput = z.object({
  email: z.email('adresse électronique invalide').max(320),
  nom: text(200).nullish(),
  dynamiques: z.array(z.string().min(1).max(64)).max(500).default([]),
});
export type RecipientInput = z.infer<typeof recipientInput>;

const regionCode = z.string().regex(CODE_PATTERNS.region, 'code de région attendu');

export const campaignInput = z
  .object({
    nom: text(300).min(1, 'nom de la campagne obligatoire'),
    region: regionCode.nullish(),
    departements: z.array(departementCode).max(120).default([]),
    types: z.array(kindSchema).min(1, 'au moins un type de dynamique').max(20),
    /** Registry fields the recipients confirm; all of them by default. */
    champs: z
      .array(z.enum(CAMPAIGN_FIELDS, { error: () => `champ inconnu : ${CAMPAIGN_FIELDS.join(', ')}` }))
      .min(1, 'au moins un champ à confirmer')
      .default([...CAMPAIGN_FIELDS]),
    questions: z.array(questionSchema).max(60).default([]),
    /** Template the questions came from (`GET /api/campagnes/modeles`), for the record. */
    modele: z.string().max(60).nullish(),
    ouverture: isoDateSchema,
    cloture: isoDateSchema,
    message: text(5000).min(1, 'message d’invitation obligatoire'),
    destinataires: z.array(recipientInput).max(20_000).optional(),
  })
  .superRefine(rejectUnstorableText)
  .superRefine((c, ctx) => {
    if (!c.region && c.departements.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'indiquez une région ou des départements' });
    }
    if (c.cloture < c.ouverture) {
      ctx.addIssue({ code: 'custom', path: ['cloture'], message: 'la clôture précède l’ouverture' });
    }
    const ids = c.questions.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `identifiant « ${id} » en double`,
        });
      }
    });
    const emails = (c.destinataires ?? []).map((d) => d.email.toLowerCase());
    emails.forEach((e, i) => {
      if (emails.indexOf(e) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['destinataires', i, 'email'],
          message: `adresse « ${e} » en double`,
        });
      }
    });
  });
export type CampaignInput = z.infer<typeof campaignInput>;

/** A status declared with the day it took effect (becomes a dated event of the record). */
export const datedStatus = z.object({ valeur: statusSchema, date: isoDateSchema });

/** The corrected values of one dynamic; only the campaign's fields are kept. */
export const proposedFields = z
  .object({
    nom: text(300).min(1, 'nom obligatoire'),
    statut: datedStatus,
    porteur: carrierSchema.nullable(),
    perimetre: perimeterInput,
    dateDebut: isoDateSchema.nullable(),
    dateFin: isoDateSchema.nullable(),
    coordination: z.array(coordinationPostSchema).max(50),
    contacts: z.array(contactSchema).max(20),
  })
  .partial();
export type ProposedFields = z.infer<typeof proposedFields>;

export const dynamicAnswer = z
  .object({
    id: z.string().min(1).max(64),
    decision: z.enum(ANSWER_DECISIONS, { error: () => `décision inconnue : ${ANSWER_DECISIONS.join(', ')}` }),
    proposition: proposedFields.default({}),
    /** For `arretee`: the day the dynamic stopped. */
    arret: isoDateSchema.nullish(),
    commentaire: text(3000).nullish(),
  })
  .superRefine((a, ctx) => {
    if (a.decision === 'arretee' && !a.arret) {
      ctx.addIssue({
        code: 'custom',
        path: ['arret'],
        message: 'date d’arrêt obligatoire pour déclarer un arrêt',
      });
    }
  });
export type DynamicAnswer = z.infer<typeof dynamicAnswer>;

export const newDynamicAnswer = z.object({
  type: kindSchema,
  nom: text(300).min(1, 'nom obligatoire'),
  statut: datedStatus,
  porteur: carrierSchema.nullish(),
  perimetre: perimeterInput,
  contacts: z.array(contactSchema).max(20).default([]),
  commentaire: text(3000).nullish(),
});
export type NewDynamicAnswer = z.infer<typeof newDynamicAnswer>;

export const questionAnswer = z.union([
  z.string().max(5000),
  z.number().finite(),
  z.array(z.string().max(200)).max(30),
  z.null(),
]);

/** `PUT /api/reponses/{token}`: saved as the person goes; `soumettre` sends it for review. */
export const answerInput = z
  .object({
    dynamiques: z.array(dynamicAnswer).max(500).default([]),
    nouvelles: z.array(newDynamicAnswer).max(50).default([]),
    questions: z.record(z.string().max(40), questionAnswer).default({}),
    soumettre: z.boolean().default(false),
  })
  .superRefine(rejectUnstorableText);
export type AnswerInput = z.infer<typeof answerInput>;

/** A reviewer's decision on one proposal: the fields accepted are merged, the others dropped. */
export const reviewInput = z.object({
  acceptes: z
    .array(z.enum(CAMPAIGN_FIELDS, { error: () => `champ inconnu : ${CAMPAIGN_FIELDS.join(', ')}` }))
    .max(CAMPAIGN_FIELDS.length)
    .default([]),
  /** `rejeter`: nothing is merged (a new dynamic is not created). */
  decision: z.enum(['fusionner', 'rejeter'], { error: () => 'décision attendue : fusionner ou rejeter' }),
  /** Version of the registry record the reviewer saw: another change since is a conflict. */
  versionRegistre: z.number().int().min(1).nullish(),
  commentaire: text(2000).nullish(),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const campaignIdParams = z.object({ id: z.string().min(1).max(64) });
export const proposalParams = z.object({
  id: z.string().min(1).max(64),
  proposition: z.string().min(1).max(64),
});
export const tokenParams = z.object({ token: z.string().min(20).max(100) });

export const proposalListQuery = z.object({
  etat: z.enum(PROPOSAL_STATES).optional(),
  departement: departementCode.optional(),
  type: kindSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(500).default(50),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

export const recipientListQuery = z.object({
  etat: z.enum(RECIPIENT_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(500).default(50),
});

export const campaignExportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: () => 'format attendu : csv ou xlsx' }).default('csv'),
});

export const addRecipientsInput = z.object({ destinataires: z.array(recipientInput).min(1).max(20_000) });
