import type { ColumnType, Generated } from 'kysely';

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

/** Actions and experiences. */
export interface ActionTables {
  action: ActionTable;
  action_generation: ActionGenerationTable;
  action_suppression: ActionSuppressionTable;
}
