import { type AnalyticDynamic, periodStatusAt } from '../analytics/model.ts';
import { type DynamicKind, FIXED_TERM_KINDS, LIVE_STATUSES, STATUS_LABELS } from '../registry/kinds.ts';
import { addMonths, hasCoordinationAt, RENEW_WITHIN_MONTHS } from '../registry/timeline.ts';
import { formatDateLong } from './french.ts';
import type { ReportDynamic } from './inputs.ts';

/**
 * The dynamics existing on `date` that touch the scope's départements, with what the report says of
 * each: status then, carrier, whether a coordination post is filled then.
 */
export function reportDynamics(
  dynamics: AnalyticDynamic[],
  departementOf: (commune: string) => string | null,
  departements: ReadonlySet<string>,
  date: string,
): ReportDynamic[] {
  const out: ReportDynamic[] = [];
  for (const d of dynamics) {
    const statut = periodStatusAt(d.periods, date);
    if (!statut) continue;
    const deps = new Set<string>();
    for (const c of d.communes) {
      const dep = departementOf(c);
      if (dep && departements.has(dep)) deps.add(dep);
    }
    if (deps.size === 0) continue;
    out.push({
      id: d.id,
      type: d.type,
      nom: d.nom,
      statut,
      porteur: d.porteur?.nom ?? null,
      coordonnee: hasCoordinationAt(d.coordination, date),
      dateFin: d.dateFin,
      departements: [...deps].sort(),
      communes: d.communes,
    });
  }
  return out.sort(byKindThenName);
}

/**
 * Order of kinds in every table and sentence: the 2018 surveys enter through the contrats de ville, then
 * the health devices attached to them, then coordinated care and the rest.
 */
export const REPORT_KIND_ORDER: readonly DynamicKind[] = [
  'CONTRAT_VILLE',
  'ASV',
  'CLS',
  'CLSM',
  'CPTS',
  'MSP',
  'CDS',
  'ESP',
  'MEDIATION_SANTE',
  'PTSM',
  'DAC',
  'PLSP',
  'AUTRE',
];

/**
 * Kinds with a local perimeter. PTSM and DAC cover whole départements by design: counted with them,
 * every commune would look covered and the "zones blanches" would vanish.
 */
export const LOCAL_KINDS: readonly DynamicKind[] = REPORT_KIND_ORDER.filter(
  (k) => k !== 'PTSM' && k !== 'DAC' && k !== 'AUTRE',
);

const KIND_ORDER = new Map(REPORT_KIND_ORDER.map((k, i) => [k, i]));

export function byKindThenName(a: ReportDynamic, b: ReportDynamic): number {
  return (KIND_ORDER.get(a.type) ?? 99) - (KIND_ORDER.get(b.type) ?? 99) || a.nom.localeCompare(b.nom, 'fr');
}

/**
 * "En cours": en projet, active or suspended. Stopped, échue and unknown-status dynamics are listed in
 * the status table, in columns of their own.
 */
export const isOngoing = (d: ReportDynamic) => LIVE_STATUSES.includes(d.statut);

/** Kinds whose coordination the field watches (the 2018 survey asked it of each). */
export const COORDINATED_KINDS = ['ASV', 'CLS', 'CLSM'] as const;

/** Fixed-term contracts still running whose end is past or within six months of the report date. */
export function dueForRenewal(d: ReportDynamic, date: string): boolean {
  return (
    FIXED_TERM_KINDS.includes(d.type) &&
    isOngoing(d) &&
    d.dateFin !== null &&
    d.dateFin <= addMonths(date, RENEW_WITHIN_MONTHS)
  );
}

export function renewalNote(d: ReportDynamic, date: string): string {
  if (!d.dateFin) return d.nom;
  return d.dateFin < date
    ? `${d.nom} (échu le ${formatDateLong(d.dateFin)})`
    : `${d.nom} (échéance le ${formatDateLong(d.dateFin)})`;
}

export function statusLabel(d: ReportDynamic): string {
  return STATUS_LABELS[d.statut];
}
