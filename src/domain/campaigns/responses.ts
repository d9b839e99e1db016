import { kindSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';
import { questionSchema } from './schemas.ts';
import {
  ANSWER_DECISIONS,
  CAMPAIGN_FIELDS,
  CAMPAIGN_STATES,
  PROPOSAL_STATES,
  RECIPIENT_STATES,
} from './vocabulary.ts';

const stamp = z.string().nullable();

export const campaignOut = z.object({
  id: z.string(),
  nom: z.string(),
  region: z.string().nullable(),
  departements: z.array(z.string()),
  types: z.array(kindSchema),
  champs: z.array(z.enum(CAMPAIGN_FIELDS)),
  questions: z.array(questionSchema),
  modele: z.string().nullable(),
  ouverture: z.string(),
  cloture: z.string(),
  message: z.string(),
  etat: z.enum(CAMPAIGN_STATES),
  creePar: z.string(),
  creeLe: z.string(),
  envoyeeLe: stamp,
  version: z.number(),
  destinataires: z.number(),
  /** Dynamics in scope that no recipient covers (no contact address in the registry). */
  dynamiquesSansDestinataire: z.array(z.object({ id: z.string(), nom: z.string(), type: z.string() })),
});
export type CampaignOut = z.infer<typeof campaignOut>;

export const campaignList = z.object({
  total: z.number(),
  resultats: z.array(campaignOut.omit({ dynamiquesSansDestinataire: true })),
});

export const campaignTemplate = z.object({
  id: z.string(),
  nom: z.string(),
  description: z.string(),
  types: z.array(kindSchema),
  champs: z.array(z.enum(CAMPAIGN_FIELDS)),
  questions: z.array(questionSchema),
  message: z.string(),
});
export type CampaignTemplate = z.infer<typeof campaignTemplate>;

const progressCounts = z.object({
  destinataires: z.number(),
  envoyes: z.number(),
  ouverts: z.number(),
  repondus: z.number(),
  examines: z.number(),
});

export const campaignProgress = z.object({
  campagne: z.string(),
  etat: z.enum(CAMPAIGN_STATES),
  ...progressCounts.shape,
  enCours: z.number(),
  relances: z.number(),
  propositions: z.object({ a_examiner: z.number(), fusionnee: z.number(), rejetee: z.number() }),
  parDepartement: z.array(z.object({ departement: z.string(), nom: z.string(), ...progressCounts.shape })),
  parType: z.array(z.object({ type: z.string(), ...progressCounts.shape })),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

export const recipientOut = z.object({
  id: z.string(),
  email: z.string(),
  nom: z.string().nullable(),
  origine: z.enum(['registre', 'manuel']),
  dynamiques: z.array(z.object({ id: z.string(), nom: z.string(), type: z.string() })),
  etat: z.enum(RECIPIENT_STATES),
  envoyeLe: stamp,
  ouvertLe: stamp,
  soumisLe: stamp,
  relances: z.number(),
});
export type RecipientOut = z.infer<typeof recipientOut>;
export const recipientPage = z.object({
  total: z.number(),
  page: z.number(),
  resultats: z.array(recipientOut),
});

/** One dynamic of the recipient's form: the record as it stands, to confirm or correct. */
export const formDynamic = z.object({
  id: z.string(),
  type: z.string(),
  version: z.number(),
  territoires: z.string(),
  fiche: z.record(z.string(), z.unknown()),
});

export const recipientForm = z.object({
  campagne: z.object({
    nom: z.string(),
    message: z.string(),
    ouverture: z.string(),
    cloture: z.string(),
    types: z.array(kindSchema),
    champs: z.array(z.enum(CAMPAIGN_FIELDS)),
    questions: z.array(questionSchema),
    organisme: z.string(),
  }),
  destinataire: z.object({ nom: z.string().nullable(), email: z.string() }),
  dynamiques: z.array(formDynamic),
  /** The answer saved so far (`AnswerInput` without `soumettre`). */
  reponse: z.record(z.string(), z.unknown()).nullable(),
  enregistreLe: stamp,
  soumisLe: stamp,
  /** False once the team has reviewed part of the answer, or after closing. */
  modifiable: z.boolean(),
});
export type RecipientForm = z.infer<typeof recipientForm>;

export const fieldDiff = z.object({
  champ: z.enum(CAMPAIGN_FIELDS),
  libelle: z.string(),
  /** Registry value when the form was opened. */
  base: z.unknown(),
  propose: z.unknown(),
  /** Registry value now. */
  registre: z.unknown(),
  /** The proposal differs from the registry now. */
  modifie: z.boolean(),
  /** The registry changed this field after the form was opened. */
  registreModifie: z.boolean(),
});
export type FieldDiff = z.infer<typeof fieldDiff>;

export const proposalSummary = z.object({
  id: z.string(),
  nature: z.enum(['mise_a_jour', 'nouvelle']),
  decision: z.enum([...ANSWER_DECISIONS, 'nouvelle']),
  etat: z.enum(PROPOSAL_STATES),
  destinataire: z.object({ email: z.string(), nom: z.string().nullable() }),
  dynamique: z.object({ id: z.string().nullable(), nom: z.string(), type: z.string() }),
  departements: z.array(z.string()),
  soumisLe: z.string(),
  changements: z.number(),
  examinePar: z.string().nullable(),
  examineLe: stamp,
});
export type ProposalSummary = z.infer<typeof proposalSummary>;
export const proposalPage = z.object({
  total: z.number(),
  page: z.number(),
  resultats: z.array(proposalSummary),
});

export const proposalDetail = proposalSummary.extend({
  champs: z.array(fieldDiff),
  versionBase: z.number().nullable(),
  versionRegistre: z.number().nullable(),
  registreModifie: z.boolean(),
  commentaire: z.string().nullable(),
  arret: z.string().nullable(),
  acceptes: z.array(z.string()),
  questions: z.record(z.string(), z.unknown()),
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

export const sendReport = z.object({
  envoyes: z.number(),
  deja: z.number(),
  echecs: z.array(z.object({ email: z.string(), erreur: z.string() })),
});
export type SendReport = z.infer<typeof sendReport>;
