import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '../registry/kinds.ts';

/** Controlled vocabularies of the bibliographic base: codes stored and exchanged, French labels shown. */

export const NOTICE_TYPES = [
  'article',
  'rapport',
  'ouvrage',
  'chapitre',
  'actes',
  'texte_officiel',
  'page_web',
  'video',
  'podcast',
  'guide',
  'outil',
  'these',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_TYPE_LABELS: Record<NoticeType, string> = {
  article: 'Article',
  rapport: 'Rapport',
  ouvrage: 'Ouvrage',
  chapitre: 'Chapitre d’ouvrage',
  actes: 'Actes de colloque',
  texte_officiel: 'Texte officiel',
  page_web: 'Page ou site web',
  video: 'Vidéo',
  podcast: 'Podcast',
  guide: 'Guide',
  outil: 'Outil',
  these: 'Thèse ou mémoire',
};

/** Kinds of official texts: only `texte_officiel` notices take one. */
export const OFFICIAL_TEXT_KINDS = [
  'loi',
  'ordonnance',
  'decret',
  'arrete',
  'circulaire',
  'instruction',
] as const;
export type OfficialTextKind = (typeof OFFICIAL_TEXT_KINDS)[number];

export const OFFICIAL_TEXT_LABELS: Record<OfficialTextKind, string> = {
  loi: 'Loi',
  ordonnance: 'Ordonnance',
  decret: 'Décret',
  arrete: 'Arrêté',
  circulaire: 'Circulaire',
  instruction: 'Instruction',
};

/** Who wrote the abstract: the documentation centre itself, the author, or the publisher. */
export const ABSTRACT_ORIGINS = ['propre', 'auteur', 'editeur'] as const;
export type AbstractOrigin = (typeof ABSTRACT_ORIGINS)[number];

/** Kinds of dynamics a notice can be tagged with ("AUTRE" says nothing about a document). */
export const NOTICE_DISPOSITIFS = DYNAMIC_KINDS.filter((k) => k !== 'AUTRE') as Exclude<
  DynamicKind,
  'AUTRE'
>[];
export type NoticeDispositif = (typeof NOTICE_DISPOSITIFS)[number];
export const DISPOSITIF_LABELS = DYNAMIC_KIND_LABELS;

export const THEMES = [
  'acces_aux_soins',
  'addictions',
  'alimentation_activite_physique',
  'coordination',
  'democratie_sanitaire',
  'determinants_sante',
  'environnement_urbanisme',
  'evaluation',
  'gouvernance',
  'inegalites',
  'jeunes',
  'mediation',
  'methodologie',
  'numerique',
  'observation',
  'perinatalite',
  'politique_ville',
  'precarite',
  'prevention_promotion',
  'sante_mentale',
  'vieillissement',
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  acces_aux_soins: 'Accès aux soins et offre de premier recours',
  addictions: 'Addictions',
  alimentation_activite_physique: 'Alimentation et activité physique',
  coordination: 'Coordination et exercice coordonné',
  democratie_sanitaire: 'Démocratie sanitaire et participation',
  determinants_sante: 'Déterminants de santé',
  environnement_urbanisme: 'Santé environnementale et urbanisme',
  evaluation: 'Évaluation',
  gouvernance: 'Gouvernance et politiques publiques',
  inegalites: 'Inégalités sociales et territoriales de santé',
  jeunes: 'Santé des jeunes',
  mediation: 'Médiation en santé',
  methodologie: 'Méthodologie de projet et diagnostic',
  numerique: 'Santé numérique et télésanté',
  observation: 'Observation et données locales',
  perinatalite: 'Périnatalité et santé des femmes',
  politique_ville: 'Politique de la ville',
  precarite: 'Précarité et accès aux droits',
  prevention_promotion: 'Prévention et promotion de la santé',
  sante_mentale: 'Santé mentale',
  vieillissement: 'Vieillissement et autonomie',
};

export const AUDIENCES = [
  'elus',
  'coordinateurs',
  'professionnels_sante',
  'professionnels_social',
  'institutions',
  'associations',
  'chercheurs',
  'habitants',
  'tout_public',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  elus: 'Élus',
  coordinateurs: 'Coordinateurs et coordinatrices',
  professionnels_sante: 'Professionnels de santé',
  professionnels_social: 'Professionnels du social et du médico-social',
  institutions: 'Institutions et financeurs',
  associations: 'Associations',
  chercheurs: 'Chercheurs et étudiants',
  habitants: 'Habitants et usagers',
  tout_public: 'Tout public',
};
