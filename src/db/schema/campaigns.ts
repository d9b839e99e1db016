import type { ColumnType, Generated } from 'kysely';

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

/** Census campaigns, their recipients and proposals. */
export interface CampaignTables {
  campagne: CampagneTable;
  campagne_destinataire: CampagneDestinataireTable;
  campagne_proposition: CampagnePropositionTable;
}
