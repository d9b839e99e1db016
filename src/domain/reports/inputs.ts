import type { Configuration } from '../analytics/configurations.ts';
import type { QpvFigures } from '../analytics/qpv-coverage.ts';
import type { DynamicKind, TimelineStatus } from '../registry/kinds.ts';
import type { ReportLevel } from './schemas.ts';

/** What the état des lieux is built from: results of the analyses, already computed for one scope. */

export interface TerritoryTotals {
  code: string;
  nom: string;
  population: number;
  communes: number;
}

export interface CountItem {
  territoire: { code: string; nom: string };
  type: DynamicKind;
  statut: TimelineStatus;
  nombre: number;
}

export interface DeclaredItem {
  region: string | null;
  departement: string | null;
  type: string;
  nombre: number;
  date: string;
  source: string;
  note: string;
}

export interface CoverageItem {
  territoire: { code: string; nom: string };
  /** A kind, or ZONE_BLANCHE for communes covered by none. */
  type: string;
  communes: number;
  population: number;
  partCommunes: number;
  partPopulation: number;
}

export interface ConfigurationResult {
  total: number;
  configurations: Configuration[];
}

/** One dynamic as the report lists it, with its status and coordination on the date of the report. */
export interface ReportDynamic {
  id: string;
  type: DynamicKind;
  nom: string;
  statut: TimelineStatus;
  porteur: string | null;
  coordonnee: boolean;
  dateFin: string | null;
  /** Départements of the scope it touches. */
  departements: string[];
  communes: string[];
}

export interface EtatDesLieuxInput {
  perimetre: TerritoryTotals & {
    type: ReportLevel;
    /** The région of a département, EPCI or commune report. */
    region?: { code: string; nom: string } | undefined;
    /** The département(s) of an EPCI or commune report. */
    departements?: { code: string; nom: string }[] | undefined;
  };
  date: string;
  genereLe: string;
  departements: TerritoryTotals[];
  comptages: CountItem[];
  declares: DeclaredItem[];
  /** Contrats de ville of the scope by configuration; each département's share is derived from it. */
  configurations: ConfigurationResult;
  couvertureParDepartement: CoverageItem[];
  /** Coverage of the whole scope, one row per kind plus ZONE_BLANCHE. */
  couvertureTotale: CoverageItem[];
  dynamiques: ReportDynamic[];
  /** QPV of the scope and the reach of each kind; absent when the QPV layer is not loaded. */
  qpv?: QpvFigures | undefined;
  /** Short references of the notices linked to the territory or its dynamics (« Pour aller plus loin »). */
  ressources?: string[] | undefined;
  /** The territory's map (SVG) and what it shows; absent when no contours are loaded. */
  carte?: { svg: string; legende: string } | null | undefined;
}
