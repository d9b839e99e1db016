import type { Generated } from 'kysely';

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

/** Accounts, sessions, API tokens and password resets. */
export interface AuthTables {
  utilisateur: UtilisateurTable;
  session_utilisateur: SessionUtilisateurTable;
  jeton: JetonTable;
  reinitialisation: ReinitialisationTable;
}
