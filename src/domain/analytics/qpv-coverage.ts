import type { DynamicKind } from '../registry/kinds.ts';
import { type AnalyticDynamic, isLiveAt } from './model.ts';

/** A quartier prioritaire as profiles count it: its population when a source gives it, and its communes. */
export interface QpvInfo {
  code: string;
  nom: string;
  population: number | null;
  communes: string[];
}

export interface QpvKindCoverage {
  /** QPV covered by a live dynamic of the kind. */
  nombre: number;
  part: number;
  /** Population of the covered QPV whose population is known (null when none is). */
  population: number | null;
  /** Share of the known QPV population that is covered (null when no population is known). */
  partPopulation: number | null;
}

export interface QpvFigures {
  nombre: number;
  /** Sum of the known populations; null when no QPV of the territory has one. */
  population: number | null;
  /** How many QPV the population sums (the others have none in the reference). */
  populationConnue: number;
  couverture: Record<string, QpvKindCoverage>;
}

/**
 * QPV of a territory and, for each kind, those covered by a live dynamic of that kind at `date`. A QPV
 * is covered when every commune it lies in is in the perimeter of such a dynamic (a dynamic naming the
 * QPV itself lists its communes, so it counts too). Populations are summed over the QPV that have one:
 * the shipped 2024 list has none, an imported file may.
 */
export function qpvFigures(
  qpv: readonly QpvInfo[],
  dynamics: readonly AnalyticDynamic[],
  kinds: readonly DynamicKind[],
  date: string,
): QpvFigures {
  const coveredCommunes = new Map<DynamicKind, Set<string>>(kinds.map((k) => [k, new Set()]));
  for (const d of dynamics) {
    const set = coveredCommunes.get(d.type);
    if (!set || !isLiveAt(d, date)) continue;
    for (const c of d.communes) set.add(c);
  }
  const known = qpv.filter((q) => q.population !== null);
  const totalPopulation = known.reduce((s, q) => s + (q.population ?? 0), 0);
  const couverture: Record<string, QpvKindCoverage> = {};
  for (const [kind, set] of coveredCommunes) {
    const covered = qpv.filter((q) => q.communes.length > 0 && q.communes.every((c) => set.has(c)));
    const coveredKnown = covered.filter((q) => q.population !== null);
    const population = coveredKnown.reduce((s, q) => s + (q.population ?? 0), 0);
    couverture[kind] = {
      nombre: covered.length,
      part: qpv.length === 0 ? 0 : covered.length / qpv.length,
      population: known.length === 0 ? null : population,
      partPopulation: known.length === 0 || totalPopulation === 0 ? null : population / totalPopulation,
    };
  }
  return {
    nombre: qpv.length,
    population: known.length === 0 ? null : totalPopulation,
    populationConnue: known.length,
    couverture,
  };
}
