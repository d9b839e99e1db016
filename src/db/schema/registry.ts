import type { ColumnType, Generated } from 'kysely';

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

/** The registry of dynamics, its history and change sets. */
export interface RegistryTables {
  dynamique: DynamiqueTable;
  dynamique_commune: DynamiqueCommuneTable;
  registry_stamp: RegistryStampTable;
  dynamique_periode: DynamiquePeriodeTable;
  lot: LotTable;
  historique: HistoriqueTable;
  import_idempotence: ImportIdempotenceTable;
  declared_count: DeclaredCountTable;
}
