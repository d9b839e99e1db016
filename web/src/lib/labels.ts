import type { CARRIER_TYPES, EventType } from '@domain/registry/kinds.ts';

/** French wording of the registry's codes, as pages show them. */

export const EVENT_LABELS: Record<EventType, string> = {
  creation: 'Création',
  lettre_intention: 'Lettre d’intention',
  signature: 'Signature',
  renouvellement: 'Renouvellement',
  nouvelle_generation: 'Nouvelle génération',
  avenant: 'Avenant',
  suspension: 'Suspension',
  reprise: 'Reprise',
  arret: 'Arrêt',
  changement_porteur: 'Changement de porteur',
  changement_perimetre: 'Changement de périmètre',
  verification: 'Vérification',
  autre: 'Autre événement',
};

export { LINK_INVERSE_LABELS, LINK_LABELS } from '@domain/registry/kinds.ts';

export const CARRIER_LABELS: Record<(typeof CARRIER_TYPES)[number], string> = {
  commune: 'commune',
  epci: 'intercommunalité',
  departement: 'département',
  region: 'région',
  etat: 'État',
  ars: 'agence régionale de santé',
  association: 'association',
  hopital: 'établissement hospitalier',
  msp: 'maison de santé',
  centre_sante: 'centre de santé',
  organisme_social: 'organisme de protection sociale',
  autre: 'autre',
};

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  creation: 'Création',
  modification: 'Modification',
  suppression: 'Suppression',
  restauration: 'Restauration',
  migration_commune: 'Fusion de communes',
  annulation: 'Annulation d’un import',
};

/** Field names of a record, for the change history. */
export const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  nom: 'Nom',
  statut: 'Statut',
  porteur: 'Porteur',
  perimetre: 'Périmètre',
  dateDebut: 'Date de début',
  dateFin: 'Date de fin',
  evenements: 'Événements',
  coordination: 'Coordination',
  liens: 'Liens',
  sources: 'Sources',
  signataires: 'Signataires',
  contacts: 'Contacts',
  specifique: 'Champs spécifiques',
  verification: 'Vérification',
};
