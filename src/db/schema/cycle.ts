import type { ColumnType, Generated } from 'kysely';

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

/** Self-assessments and project cycles of dynamics. */
export interface CycleTables {
  auto_evaluation: AutoEvaluationTable;
  cycle_projet: CycleProjetTable;
}
