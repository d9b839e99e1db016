/** Kinds of territorial health dynamics (API.md `type`) and their French labels. */
export const DYNAMIC_KINDS = [
  'ASV',
  'CLS',
  'CLSM',
  'CPTS',
  'MSP',
  'CDS',
  'ESP',
  'CONTRAT_VILLE',
  'MEDIATION_SANTE',
  'PTSM',
  'DAC',
  'PLSP',
  'AUTRE',
] as const;
export type DynamicKind = (typeof DYNAMIC_KINDS)[number];

export const DYNAMIC_KIND_LABELS: Record<DynamicKind, string> = {
  ASV: 'Atelier santé ville',
  CLS: 'Contrat local de santé',
  CLSM: 'Conseil local de santé mentale',
  CPTS: 'Communauté professionnelle territoriale de santé',
  MSP: 'Maison de santé pluriprofessionnelle',
  CDS: 'Centre de santé',
  ESP: 'Équipe de soins primaires',
  CONTRAT_VILLE: 'Contrat de ville',
  MEDIATION_SANTE: 'Médiation en santé',
  PTSM: 'Projet territorial de santé mentale',
  DAC: 'Dispositif d’appui à la coordination',
  PLSP: 'Plan local de santé publique',
  AUTRE: 'Autre dynamique',
};

export const STATUSES = ['en_projet', 'actif', 'suspendu', 'arrete'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Statuses of the valid-time history: the declared ones, plus two the registry derives and never takes
 * as input. `inconnu`: the dynamic existed (or may have) but nothing observed says how it stood then.
 * `echue`: its end date has passed and no renewal was recorded.
 */
export const TIMELINE_STATUSES = [...STATUSES, 'inconnu', 'echue'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

export const STATUS_LABELS: Record<TimelineStatus, string> = {
  en_projet: 'en projet',
  actif: 'active',
  suspendu: 'suspendue',
  arrete: 'arrêtée',
  inconnu: 'statut inconnu',
  echue: 'échue',
};

/** Running on a date with a known status: what analyses count as present. */
export const LIVE_STATUSES: readonly TimelineStatus[] = ['en_projet', 'actif', 'suspendu'];

/** Derived statuses, counted apart from the declared ones in every table. */
export const UNCERTAIN_STATUSES: readonly TimelineStatus[] = ['inconnu', 'echue'];

export const EVENT_TYPES = [
  'creation',
  'lettre_intention',
  'signature',
  'renouvellement',
  'nouvelle_generation',
  'avenant',
  'suspension',
  'reprise',
  'arret',
  'changement_porteur',
  'changement_perimetre',
  'verification',
  'autre',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Status implied by an event when the event does not state one. */
export const EVENT_DEFAULT_STATUS: Partial<Record<EventType, Status>> = {
  creation: 'en_projet',
  lettre_intention: 'en_projet',
  signature: 'actif',
  renouvellement: 'actif',
  nouvelle_generation: 'actif',
  suspension: 'suspendu',
  reprise: 'actif',
  arret: 'arrete',
};

export const LINK_TYPES = [
  'volet_sante_de',
  'volet_sante_mentale_de',
  'issu_de',
  'integre_a',
  'partenaire_de',
  'coordonne_par_meme_poste',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** A link read from its source: « CLSM de X » *volet santé mentale du* « CLS de X ». */
export const LINK_LABELS: Record<LinkType, string> = {
  volet_sante_de: 'volet santé de',
  volet_sante_mentale_de: 'volet santé mentale de',
  issu_de: 'issu de',
  integre_a: 'intégré à',
  partenaire_de: 'partenaire de',
  coordonne_par_meme_poste: 'coordonné par le même poste que',
};

/** The same link read from its target: « CLS de X » *a pour volet santé mentale* « CLSM de X ». */
export const LINK_INVERSE_LABELS: Record<LinkType, string> = {
  volet_sante_de: 'a pour volet santé',
  volet_sante_mentale_de: 'a pour volet santé mentale',
  issu_de: 'a donné naissance à',
  integre_a: 'intègre',
  partenaire_de: 'partenaire de',
  coordonne_par_meme_poste: 'coordonné par le même poste que',
};

export const CARRIER_TYPES = [
  'commune',
  'epci',
  'departement',
  'region',
  'etat',
  'ars',
  'association',
  'hopital',
  'msp',
  'centre_sante',
  'organisme_social',
  'autre',
] as const;

/** Events that open a new term: after the end date they end "échue", shortly before it they extend it. */
export const RENEWAL_EVENTS: readonly EventType[] = ['renouvellement', 'nouvelle_generation', 'signature'];

/** Events that mark the start of a dynamic: before the first of them, it did not exist. */
export const BEGINNING_EVENTS: readonly EventType[] = ['creation', 'lettre_intention', 'signature'];

/** Kinds signed for a fixed term, listed "à renouveler" near or past their end date. */
export const FIXED_TERM_KINDS: readonly DynamicKind[] = ['CLS', 'PTSM', 'CONTRAT_VILLE', 'PLSP'];
