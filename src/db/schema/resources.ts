import type { ColumnType, Generated } from 'kysely';

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

/** The bibliographic base: notices, glossary, sélections. */
export interface ResourceTables {
  notice: NoticeTable;
  notice_generation: NoticeGenerationTable;
  notice_suppression: NoticeSuppressionTable;
  notice_dynamique: NoticeDynamiqueTable;
  notice_territoire: NoticeTerritoireTable;
  glossaire: GlossaireTable;
  selection: SelectionTable;
}
