/** Controlled lists of census campaigns (API.md, Campaigns), shared by the API, the CLI and the web. */

/** Kinds of extra questions a campaign may ask. */
export const QUESTION_TYPES = ['texte', 'choix', 'choix_multiples', 'nombre', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  texte: 'Texte libre',
  choix: 'Choix unique',
  choix_multiples: 'Choix multiples',
  nombre: 'Nombre',
  date: 'Date',
};

/** Registry fields a campaign asks its recipients to confirm or correct. */
export const CAMPAIGN_FIELDS = [
  'nom',
  'statut',
  'porteur',
  'perimetre',
  'dateDebut',
  'dateFin',
  'coordination',
  'contacts',
] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

export const CAMPAIGN_FIELD_LABELS: Record<CampaignField, string> = {
  nom: 'Nom',
  statut: 'Statut',
  porteur: 'Structure porteuse',
  perimetre: 'Périmètre',
  dateDebut: 'Date de début',
  dateFin: 'Date de fin',
  coordination: 'Coordination',
  contacts: 'Contacts',
};

/** What a recipient says of one of their dynamics. */
export const ANSWER_DECISIONS = ['confirmee', 'corrigee', 'arretee'] as const;
export type AnswerDecision = (typeof ANSWER_DECISIONS)[number];

export const ANSWER_DECISION_LABELS: Record<AnswerDecision | 'nouvelle', string> = {
  confirmee: 'Fiche confirmée',
  corrigee: 'Fiche corrigée',
  arretee: 'Arrêt déclaré',
  nouvelle: 'Nouvelle dynamique déclarée',
};

/** Life of a campaign: prepared, invitations sent, closed (closing date passed). */
export const CAMPAIGN_STATES = ['brouillon', 'envoyee', 'close'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** Where a recipient stands, from the team's point of view. */
export const RECIPIENT_STATES = ['a_envoyer', 'envoye', 'ouvert', 'en_cours', 'repondu', 'examine'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

export const RECIPIENT_STATE_LABELS: Record<RecipientState, string> = {
  a_envoyer: 'à envoyer',
  envoye: 'envoyé',
  ouvert: 'ouvert',
  en_cours: 'en cours de saisie',
  repondu: 'répondu',
  examine: 'examiné',
};

/** Review of one proposal (one dynamic of one answer, or one new dynamic). */
export const PROPOSAL_STATES = ['a_examiner', 'fusionnee', 'rejetee'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  a_examiner: 'à examiner',
  fusionnee: 'fusionnée',
  rejetee: 'rejetée',
};

/** History source of registry changes merged from a campaign answer. */
export const CAMPAIGN_HISTORY_SOURCE = 'campagne';
