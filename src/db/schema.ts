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

export interface DB {
  schema_migration: SchemaMigrationTable;
  reference_layer: ReferenceLayerTable;
  region: RegionTable;
  departement: DepartementTable;
  epci: EpciTable;
  commune: CommuneTable;
}
