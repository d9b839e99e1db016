import { hasCoordinationAt } from '../registry/timeline.ts';
import type { KindCoverage } from './coverage.ts';
import { type AnalyticDynamic, isLiveAt } from './model.ts';

const pct = (x: number) => `${Math.round(x * 100)} %`;

function overlaps(a: AnalyticDynamic, others: AnalyticDynamic[]): boolean {
  const set = new Set(a.communes);
  return others.some((o) => o.communes.some((c) => set.has(c)));
}

/**
 * Gaps of a territory in plain French, from the live dynamics covering it on `date`:
 * no CLS, partial CLS coverage, CPTS without CLS, contrat de ville without ASV nor CLS,
 * CLSM (and other coordinated dynamics) without coordination.
 */
export function territoryGaps(
  live: AnalyticDynamic[],
  coverage: Record<string, KindCoverage>,
  date: string,
): string[] {
  const gaps: string[] = [];
  const of = (type: string) => live.filter((d) => d.type === type && isLiveAt(d, date));
  const cls = of('CLS');
  if (cls.length === 0) gaps.push('aucun CLS ne couvre ce territoire');
  else if ((coverage.CLS?.partPopulation ?? 1) < 0.999) {
    gaps.push(
      `les CLS ne couvrent que ${pct(coverage.CLS?.partPopulation ?? 0)} de la population du territoire`,
    );
  }
  for (const cpts of of('CPTS')) {
    if (!overlaps(cpts, cls)) gaps.push(`CPTS sans CLS : ${cpts.nom}`);
  }
  const health = [...of('ASV'), ...cls];
  for (const cv of of('CONTRAT_VILLE')) {
    if (!overlaps(cv, health)) gaps.push(`contrat de ville sans ASV ni CLS : ${cv.nom}`);
  }
  for (const type of ['CLSM', 'CLS', 'ASV'] as const) {
    for (const d of of(type)) {
      if (!hasCoordinationAt(d.coordination, date)) gaps.push(`${type} sans coordination : ${d.nom}`);
    }
  }
  if (of('CLSM').length === 0 && (coverage.CLSM?.communes ?? 0) === 0)
    gaps.push('aucun CLSM ne couvre ce territoire');
  return gaps;
}
