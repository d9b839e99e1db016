import type { DynamicKind, Status } from '@domain/registry/kinds.ts';
import type { CoordinationPost, DynamicEvent, DynamicInput, DynamicLink } from '@domain/registry/schemas.ts';
import type { SelectionPreview } from '@domain/resources/selection-document.ts';
import type { SelectionInput } from '@domain/resources/selection-schemas.ts';
import type { TerritoryRef, TerritoryType } from '@domain/territories/types.ts';

/** Shapes of the API answers the pages read (API.md); inputs come from the shared domain schemas. */

export type { SelectionPreview };

export interface List<T> {
  total: number;
  items: T[];
}

export interface TerritoryItem {
  type: TerritoryType;
  code: string;
  nom: string;
  population?: number | null;
  departement?: string;
  region?: string;
}

export interface TerritoryDetail {
  type: TerritoryType;
  code: string;
  nom: string;
  population: number | null;
  codesPostaux?: string[];
  parents: TerritoryRef[];
  enfants: TerritoryRef[];
}

export interface Dynamic {
  id: string;
  type: DynamicKind;
  nom: string;
  statut: Status | null;
  porteur: DynamicInput['porteur'];
  perimetre: { communes: string[]; epci: string[]; departements: string[]; qpv: string[] };
  dateDebut: string | null;
  dateFin: string | null;
  evenements: DynamicEvent[];
  coordination: CoordinationPost[];
  liens: DynamicLink[];
  sources: DynamicInput['sources'];
  signataires: string[];
  fraicheur?: {
    verifieLe: string | null;
    aVerifier: boolean;
    aRenouveler: boolean;
    verifiePar?: string | null;
  };
  date: string;
  version: number;
  creeLe: string;
  modifieLe: string;
}

export interface DynamicPage extends List<Dynamic> {
  page: number;
  limit: number;
  date: string;
}

export interface HistoryItem {
  date: string;
  auteur: string;
  action: string;
  avant: Record<string, unknown> | null;
  apres: Record<string, unknown> | null;
}

export interface Coverage {
  communes: number;
  population: number;
  partPopulation: number;
  partCommunes?: number;
}

export interface Profile {
  territoire: { type: TerritoryType; code: string; nom: string; population: number | null };
  date: string;
  dynamiques: Dynamic[];
  couverture: Partial<Record<DynamicKind, Coverage>>;
  lacunes: string[];
}

export interface CountItem {
  territoire: { type: TerritoryType; code: string; nom: string };
  type: DynamicKind;
  statut: Status;
  nombre: number;
}

export interface Counts extends List<CountItem> {
  date: string;
  niveau: 'region' | 'departement';
}

export interface Configuration {
  avec: DynamicKind[];
  libelle: string;
  nombre: number;
  dynamiques: string[];
}

export interface Configurations {
  date: string;
  base: DynamicKind;
  avec: DynamicKind[];
  total: number;
  configurations: Configuration[];
}

export interface ImportReport {
  valide: boolean;
  lignes: number;
  erreurs: { ligne: number; champ: string; message: string }[];
  crees: number;
  modifies: number;
  inchanges?: number;
  dryRun?: boolean;
}

export type Contributor = { nom: string; prenom: string | null } | { organisation: string };

export interface Facet {
  valeur: string | number;
  libelle: string;
  nombre: number;
}

export interface NoticeHit {
  id: string;
  type: string;
  sousType?: string | null;
  titre: string;
  auteurs: Contributor[];
  date: string | null;
  annee: number | null;
  url: string | null;
  dispositifs: string[];
  /** HTML-escaped excerpt where matching words are wrapped in <mark>. */
  extrait: string | null;
}

export interface NoticeResults extends List<NoticeHit> {
  page: number;
  limit: number;
  facettes: Record<'type' | 'annee' | 'dispositif' | 'theme' | 'public', Facet[]>;
}

export interface Notice {
  id: string;
  type: string;
  sousType?: string | null;
  titre: string;
  auteurs: Contributor[];
  directeurs?: Contributor[];
  conteneur?: { titre?: string | null; volume?: string | null; numero?: string | null } | null;
  collection?: string | null;
  editeur?: string | null;
  lieu?: string | null;
  date: string | null;
  annee: number | null;
  pages?: string | null;
  url: string | null;
  consulteLe?: string | null;
  doi?: string | null;
  isbn?: string | null;
  issn?: string | null;
  langue?: string;
  resume?: string | null;
  motsCles: string[];
  dispositifs: string[];
  themes: string[];
  publics: string[];
  dynamiques: string[];
  territoires: { type: TerritoryType; code: string; nom?: string }[];
  version: number;
  modifieLe: string;
}

/** A sélection as entered (GET /api/selections/{id}). */
export type Selection = Omit<SelectionInput, 'auteurs'> & {
  auteurs: Contributor[];
  id: string;
  nombreNotices: number;
  version: number;
  creeLe: string;
  modifieLe: string;
};

export interface SelectionSummary {
  id: string;
  titre: string;
  date: string | null;
  auteurs: Contributor[];
  nombreNotices: number;
  version: number;
  modifieLe: string;
}

export interface GlossaryItem {
  cle: string;
  /** Null for a term of the field without an acronym (« promotion de la santé »). */
  sigle: string | null;
  forme: string;
  variantes: string[];
  definition: string | null;
}
