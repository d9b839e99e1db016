import type { ColumnType, Generated } from 'kysely';

/** Table types for the typed query builder; they mirror src/db/migrations/*.sql. */

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface ReferenceLayerTable {
  layer: string;
  vintage: string;
  source: string;
  row_count: number;
  loaded_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RegionTable {
  code: string;
  nom: string;
  chef_lieu: string | null;
  zone: string | null;
  population: number | null;
}

export interface DepartementTable {
  code: string;
  nom: string;
  region: string;
  chef_lieu: string | null;
  zone: string | null;
  population: number | null;
}

export interface EpciTable {
  code: string;
  nom: string;
  nature: string;
  population: number | null;
}

export type CommuneNature =
  | 'commune_actuelle'
  | 'commune_deleguee'
  | 'commune_associee'
  | 'arrondissement_municipal';

export interface CommuneTable {
  code: string;
  nature: CommuneNature;
  nom: string;
  population: number | null;
  departement: string | null;
  region: string | null;
  epci: string | null;
  commune_parent: string | null;
  anciens_codes: string[];
  codes_postaux: string[];
}

export interface DynamiqueTable {
  id: string;
  type: string;
  nom: string;
  nom_recherche: string;
  document: ColumnType<unknown, string, string>;
  version: Generated<number>;
  date_fin: string | null;
  verifie_le: string | null;
  verifie_par: string | null;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface RegistryStampTable {
  id: Generated<boolean>;
  changes: Generated<number>;
  dynamiques: Generated<number>;
}

export interface DynamiqueCommuneTable {
  dynamique: string;
  commune: string;
}

export interface DynamiquePeriodeTable {
  dynamique: string;
  statut: string;
  debut: string;
  fin: string | null;
}

export interface LotTable {
  id: string;
  auteur: string;
  date: Generated<Date>;
  description: string;
  nombre: Generated<number>;
  annule_le: Date | null;
  annule_par: string | null;
}

export interface ImportIdempotenceTable {
  cle: string;
  auteur: string;
  empreinte: string;
  lot: string | null;
  reponse: ColumnType<unknown, string, string>;
  cree_le: Generated<Date>;
}

export interface HistoriqueTable {
  id: Generated<number>;
  entite: string;
  entite_id: string;
  lot: string | null;
  action: string;
  auteur: string;
  date: Generated<Date>;
  avant: ColumnType<unknown, string | null, string | null>;
  apres: ColumnType<unknown, string | null, string | null>;
  /** Version the change produced (the removed version for a deletion); null for rows without one. */
  version: number | null;
  /** Where the change came from: interactif, import, annulation, systeme, campagne… */
  source: Generated<string>;
}

export interface DeclaredCountTable {
  id: Generated<number>;
  region: string | null;
  departement: string | null;
  type: string;
  nombre: number;
  date: string;
  source: string;
  note: Generated<string>;
}

export interface QpvTable {
  code: string;
  nom: string;
  departement: string;
  population: number | null;
  generation: string;
  vintage: string;
  contour: string | null;
}

export interface QpvCommuneTable {
  qpv: string;
  commune: string;
}

export type ContratVilleTerritoryType = 'epci' | 'ept' | 'commune';

export interface ContratVilleTable {
  code: string;
  nom: string;
  territoire_type: ContratVilleTerritoryType;
  territoire_code: string;
  departement: string | null;
  population: number | null;
  vintage: string;
}

export interface ContratVilleCommuneTable {
  contrat: string;
  commune: string;
}

export type ContourLevel = 'region' | 'departement' | 'epci' | 'commune';

export interface ContourTable {
  niveau: ContourLevel;
  code: string;
  nom: string;
  departements: string[];
  regions: string[];
  geometrie: string;
}

export interface NoticeTable {
  id: string;
  type: string;
  sous_type: string | null;
  titre: string;
  date_publication: string | null;
  annee: number | null;
  langue: string | null;
  dispositifs: string[];
  themes: string[];
  publics: string[];
  doi: string | null;
  url_cle: string | null;
  titre_cle: string;
  document: ColumnType<unknown, string, string>;
  recherche: ColumnType<string, string, string>;
  version: Generated<number>;
  generation: number;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface NoticeGenerationTable {
  singleton: boolean;
  valeur: number;
}

export interface NoticeSuppressionTable {
  id: string;
  generation: number;
}

export interface NoticeDynamiqueTable {
  notice: string;
  dynamique: string;
}

export interface NoticeTerritoireTable {
  notice: string;
  type: string;
  code: string;
}

export interface GlossaireTable {
  cle: string;
  sigle: string | null;
  forme: string;
  document: ColumnType<unknown, string, string>;
  version: Generated<number>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface SelectionTable {
  id: string;
  titre: string;
  titre_cle: string;
  date_selection: string | null;
  document: ColumnType<unknown, string, string>;
  nombre_notices: number;
  version: Generated<number>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface UtilisateurTable {
  id: string;
  email: string;
  nom: Generated<string>;
  role: string;
  regions: Generated<string[]>;
  dynamiques: Generated<string[]>;
  mot_de_passe: string | null;
  actif: Generated<boolean>;
  echecs: Generated<number>;
  bloque_jusqua: Date | null;
  cree_le: Generated<Date>;
  version: Generated<number>;
}

export interface SessionUtilisateurTable {
  empreinte: string;
  utilisateur: string;
  csrf: string;
  cree_le: Generated<Date>;
  expire_le: Date;
}

export interface JetonTable {
  id: string;
  empreinte: string;
  libelle: string;
  role: string;
  regions: Generated<string[]>;
  utilisateur: string | null;
  cree_le: Generated<Date>;
  revoque_le: Date | null;
}

export interface ReinitialisationTable {
  empreinte: string;
  utilisateur: string;
  expire_le: Date;
  utilise_le: Date | null;
  demande_le: Generated<Date>;
}

export interface ActionTable {
  id: string;
  type: string;
  titre: string;
  debut: string | null;
  document: ColumnType<unknown, string, string>;
  derive: ColumnType<unknown, string, string>;
  cree_par: string | null;
  version: Generated<number>;
  generation: number;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
}

export interface ActionGenerationTable {
  singleton: boolean;
  valeur: number;
}

export interface ActionSuppressionTable {
  id: string;
  generation: number;
}

export interface CampagneTable {
  id: string;
  nom: string;
  document: ColumnType<unknown, string, string>;
  etat: Generated<string>;
  cree_par: string;
  version: Generated<number>;
  cree_le: Generated<Date>;
  modifie_le: Generated<Date>;
  envoyee_le: Date | null;
}

export interface CampagneDestinataireTable {
  id: string;
  campagne: string;
  email: string;
  nom: string | null;
  origine: string;
  dynamiques: string[];
  types: string[];
  departements: string[];
  jeton_empreinte: string | null;
  expire_le: Date | null;
  envoye_le: Date | null;
  ouvert_le: Date | null;
  enregistre_le: Date | null;
  soumis_le: Date | null;
  relance_le: Date | null;
  relances: Generated<number>;
  message_fichier: string | null;
  reponse: ColumnType<unknown, string | null, string | null>;
  base: ColumnType<unknown, string | null, string | null>;
}

export interface CampagnePropositionTable {
  id: string;
  campagne: string;
  destinataire: string;
  dynamique: string | null;
  nature: string;
  decision: string;
  type: string;
  nom: string;
  departements: string[];
  base_version: number | null;
  base: ColumnType<unknown, string | null, string | null>;
  proposee: ColumnType<unknown, string, string>;
  commentaire: string | null;
  arret: string | null;
  etat: Generated<string>;
  champs_acceptes: Generated<string[]>;
  changements: Generated<number>;
  soumis_le: Date;
  examine_par: string | null;
  examine_le: Date | null;
}

export interface AutoEvaluationTable {
  id: string;
  dynamique: string;
  date: string;
  criteres: ColumnType<unknown, string, string>;
  commentaire: string | null;
  auteur: string;
  cree_le: Generated<Date>;
}

export interface CycleProjetTable {
  dynamique: string;
  document: ColumnType<unknown, string, string>;
  version: Generated<number>;
  modifie_le: Generated<Date>;
}

export interface DB {
  schema_migration: SchemaMigrationTable;
  reference_layer: ReferenceLayerTable;
  region: RegionTable;
  departement: DepartementTable;
  epci: EpciTable;
  commune: CommuneTable;
  qpv: QpvTable;
  qpv_commune: QpvCommuneTable;
  contrat_ville: ContratVilleTable;
  contrat_ville_commune: ContratVilleCommuneTable;
  contour: ContourTable;
  dynamique: DynamiqueTable;
  dynamique_commune: DynamiqueCommuneTable;
  registry_stamp: RegistryStampTable;
  dynamique_periode: DynamiquePeriodeTable;
  lot: LotTable;
  historique: HistoriqueTable;
  import_idempotence: ImportIdempotenceTable;
  declared_count: DeclaredCountTable;
  notice: NoticeTable;
  notice_generation: NoticeGenerationTable;
  notice_suppression: NoticeSuppressionTable;
  notice_dynamique: NoticeDynamiqueTable;
  notice_territoire: NoticeTerritoireTable;
  glossaire: GlossaireTable;
  selection: SelectionTable;
  utilisateur: UtilisateurTable;
  session_utilisateur: SessionUtilisateurTable;
  jeton: JetonTable;
  reinitialisation: ReinitialisationTable;
  action: ActionTable;
  auto_evaluation: AutoEvaluationTable;
  cycle_projet: CycleProjetTable;
  action_generation: ActionGenerationTable;
  action_suppression: ActionSuppressionTable;
  campagne: CampagneTable;
  campagne_destinataire: CampagneDestinataireTable;
  campagne_proposition: CampagnePropositionTable;
}
