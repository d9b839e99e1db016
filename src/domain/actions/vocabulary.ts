/**
 * Controlled lists of the analysis grid of actions and experiences (2018 survey of the Fabrique
 * Territoires Santé, « Revue des productions »). Codes are the API's values; labels are shown to people.
 */

export const ACTION_TYPES = ['fiche_action', 'recit_experience', 'fiche_inspirante', 'intervention'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  fiche_action: 'Fiche action',
  recit_experience: 'Récit d’expérience',
  fiche_inspirante: 'Fiche inspirante',
  intervention: 'Intervention en colloque (actes)',
};

export const SCALES = ['quartier', 'commune', 'intercommunalite', 'departement', 'region'] as const;
export type Scale = (typeof SCALES)[number];
export const SCALE_LABELS: Record<Scale, string> = {
  quartier: 'Quartier',
  commune: 'Commune',
  intercommunalite: 'Intercommunalité',
  departement: 'Département',
  region: 'Région',
};

export const SETTINGS = ['urbain', 'rural', 'mixte'] as const;
export type Setting = (typeof SETTINGS)[number];
export const SETTING_LABELS: Record<Setting, string> = {
  urbain: 'Urbain',
  rural: 'Rural',
  mixte: 'Urbain et rural',
};

export const ACTION_AUDIENCES = [
  'habitants',
  'jeunes',
  'enfants',
  'familles',
  'femmes',
  'personnes_agees',
  'personnes_precaires',
  'personnes_handicapees',
  'migrants',
  'professionnels',
  'elus',
  'tout_public',
] as const;
export type ActionAudience = (typeof ACTION_AUDIENCES)[number];
export const ACTION_AUDIENCE_LABELS: Record<ActionAudience, string> = {
  habitants: 'Habitants',
  jeunes: 'Jeunes',
  enfants: 'Enfants',
  familles: 'Familles et parents',
  femmes: 'Femmes',
  personnes_agees: 'Personnes âgées',
  personnes_precaires: 'Personnes en situation de précarité',
  personnes_handicapees: 'Personnes en situation de handicap',
  migrants: 'Personnes migrantes',
  professionnels: 'Professionnels',
  elus: 'Élus',
  tout_public: 'Tout public',
};

export const DYNAMIC_ROLES = ['porteur', 'partenaire'] as const;
export type DynamicRole = (typeof DYNAMIC_ROLES)[number];
export const DYNAMIC_ROLE_LABELS: Record<DynamicRole, string> = {
  porteur: 'Porteur',
  partenaire: 'Partenaire',
};

export const FUNDER_TYPES = [
  'ARS',
  'collectivite',
  'etat',
  'organisme_social',
  'europe',
  'fondation',
  'autre',
] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];
export const FUNDER_TYPE_LABELS: Record<FunderType, string> = {
  ARS: 'ARS',
  collectivite: 'Collectivité territoriale',
  etat: 'État (DDCS, DDETS…)',
  organisme_social: 'Organisme social (CAF, CPAM, MSA, CARSAT)',
  europe: 'Europe',
  fondation: 'Fondation',
  autre: 'Autre',
};

export const PARTNER_TYPES = [
  'commune',
  'intercommunalite',
  'departement',
  'region',
  'etat',
  'ARS',
  'organisme_social',
  'etablissement_sante',
  'professionnels_sante',
  'association',
  'bailleur',
  'education',
  'entreprise',
  'habitants',
  'autre',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  commune: 'Commune (élus, services municipaux)',
  intercommunalite: 'Intercommunalité',
  departement: 'Département',
  region: 'Région',
  etat: 'Services de l’État',
  ARS: 'ARS',
  organisme_social: 'Organisme social',
  etablissement_sante: 'Établissement de santé',
  professionnels_sante: 'Professionnels de santé libéraux',
  association: 'Association',
  bailleur: 'Bailleur social',
  education: 'Éducation nationale',
  entreprise: 'Entreprise',
  habitants: 'Habitants',
  autre: 'Autre',
};

/** Linked public policies; the health ones are told apart for the survey's « 70 % de politique de santé ». */
export const POLICIES = [
  'PRS',
  'PRAPS',
  'PNNS',
  'PRSE',
  'CLS',
  'CLSM',
  'PTSM',
  'PLSP',
  'mediation_sante',
  'contrat_ville',
  'PRE',
  'PRU',
  'urbanisme',
  'education',
  'autre',
] as const;
export type Policy = (typeof POLICIES)[number];
export const POLICY_LABELS: Record<Policy, string> = {
  PRS: 'Projet régional de santé (PRS)',
  PRAPS: 'Programme d’accès à la prévention et aux soins (PRAPS)',
  PNNS: 'Programme national nutrition santé (PNNS)',
  PRSE: 'Plan régional santé environnement (PRSE)',
  CLS: 'Contrat local de santé (CLS)',
  CLSM: 'Conseil local de santé mentale (CLSM)',
  PTSM: 'Projet territorial de santé mentale (PTSM)',
  PLSP: 'Plan local de santé publique (PLSP)',
  mediation_sante: 'Programme de médiation en santé',
  contrat_ville: 'Contrat de ville',
  PRE: 'Programme de réussite éducative (PRE)',
  PRU: 'Programme de renouvellement urbain (PRU)',
  urbanisme: 'Urbanisme et aménagement',
  education: 'Éducation',
  autre: 'Autre politique',
};
export const HEALTH_POLICIES: ReadonlySet<Policy> = new Set([
  'PRS',
  'PRAPS',
  'PNNS',
  'PRSE',
  'CLS',
  'CLSM',
  'PTSM',
  'PLSP',
  'mediation_sante',
]);

/** The five action areas of the Ottawa charter (1986). */
export const OTTAWA_AXES = [
  'politique_saine',
  'milieux_favorables',
  'action_communautaire',
  'aptitudes_individuelles',
  'reorientation_services',
] as const;
export type OttawaAxis = (typeof OTTAWA_AXES)[number];
export const OTTAWA_AXIS_LABELS: Record<OttawaAxis, string> = {
  politique_saine: 'Élaborer une politique publique saine',
  milieux_favorables: 'Créer des milieux favorables',
  action_communautaire: 'Renforcer l’action communautaire',
  aptitudes_individuelles: 'Acquérir des aptitudes individuelles',
  reorientation_services: 'Réorienter les services de santé',
};

export const PROJECT_STEPS = [
  'diagnostic',
  'priorisation',
  'planification',
  'mise_en_oeuvre',
  'evaluation',
  'capitalisation',
] as const;
export type ProjectStep = (typeof PROJECT_STEPS)[number];
export const PROJECT_STEP_LABELS: Record<ProjectStep, string> = {
  diagnostic: 'Diagnostic',
  priorisation: 'Choix des priorités',
  planification: 'Plan d’action',
  mise_en_oeuvre: 'Mise en œuvre',
  evaluation: 'Évaluation',
  capitalisation: 'Capitalisation',
};

export const DETERMINANTS = [
  'acces_droits',
  'acces_soins',
  'alimentation',
  'activite_physique',
  'logement',
  'environnement',
  'cadre_de_vie',
  'education',
  'emploi_revenus',
  'lien_social',
  'mobilite',
  'comportements',
] as const;
export type Determinant = (typeof DETERMINANTS)[number];
export const DETERMINANT_LABELS: Record<Determinant, string> = {
  acces_droits: 'Accès aux droits',
  acces_soins: 'Accès aux soins',
  alimentation: 'Alimentation',
  activite_physique: 'Activité physique',
  logement: 'Logement',
  environnement: 'Environnement',
  cadre_de_vie: 'Cadre de vie et urbanisme',
  education: 'Éducation',
  emploi_revenus: 'Emploi et revenus',
  lien_social: 'Lien social',
  mobilite: 'Mobilité',
  comportements: 'Comportements favorables à la santé',
};
