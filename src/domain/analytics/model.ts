import { type DynamicKind, LIVE_STATUSES, type TimelineStatus } from '../registry/kinds.ts';
import type { CoordinationPost, DynamicLink } from '../registry/schemas.ts';
import type { StatusPeriod } from '../registry/timeline.ts';

/** What analyses need of a dynamic, held in memory for national aggregates. */
export interface AnalyticDynamic {
  id: string;
  type: DynamicKind;
  nom: string;
  communes: string[];
  periods: StatusPeriod[];
  coordination: CoordinationPost[];
  liens: DynamicLink[];
  porteur: { nom: string; type: string; code?: string | null | undefined } | null;
  dateFin: string | null;
  /** Record version, so presented records can be cached per version (0 when unknown). */
  version: number;
  /** Folded name and carrier, and last verification day: registry lists filter on them in memory. */
  nomRecherche: string;
  verifieLe: string | null;
  /** Address commune of a structure known by its seat only (a CPTS from FINESS, perimeter to enter). */
  siege?: string | null;
}

export interface CommuneInfo {
  code: string;
  nom: string;
  population: number;
  epci: string | null;
  departement: string | null;
  region: string | null;
  /** Arrondissement municipal: part of a city, not counted on its own in territory totals. */
  arrondissement?: boolean;
}

export function periodStatusAt(periods: StatusPeriod[], date: string): TimelineStatus | null {
  for (const p of periods) if (p.debut <= date && (p.fin === null || date < p.fin)) return p.statut;
  return null;
}

/**
 * A dynamic "is present" on a territory at a date when it is known to run then (en projet, active or
 * suspended): neither stopped, nor past its term (échue), nor of unknown status, which are counted apart.
 */
export function isLiveAt(d: AnalyticDynamic, date: string): boolean {
  const s = periodStatusAt(d.periods, date);
  return s !== null && LIVE_STATUSES.includes(s);
}

/** Short label used in configuration names: "CV" for contrats de ville, the code otherwise. */
export function shortKind(kind: DynamicKind): string {
  return kind === 'CONTRAT_VILLE' ? 'CV' : kind === 'MEDIATION_SANTE' ? 'médiation santé' : kind;
}
