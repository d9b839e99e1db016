import type { ColumnType } from 'kysely';

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

/** Reference layers and territories (migrations 0001 to 0003). */
export interface ReferenceTables {
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
}
