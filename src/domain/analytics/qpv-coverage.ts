import type { DynamicKind } from '../registry/kinds.ts';
import { type AnalyticDynamic, isLiveAt } from './model.ts';

/** A quartier prioritaire as the profiles need it: its communes and, when a source gives it, its population. */
export interface QpvInfo {
  code: string;
  nom: string;
  population: number | null;
  communes: string[];
}

export interface QpvKindCoverage {
  /** QPV lying in at least one commune covered by a live dynamic of the kind. */
  qpv: number;
  part: number;
  /** Population of those QPV, null when no covered QPV has a known population. */
  population: number | null;
}

export interface QpvFigures {
  nombre: number;
  /** Sum of the known populations; null when no QPV of the territory has one. */
  population: number | null;
  /** How many QPV have a known population (the sum above covers only them). */
  populationConnue: number;
  couverture: Record<string, QpvKindCoverage>;
}

/**
 * QPV of a territory and the share reached by each kind of dynamic.
 * The registry stores perimeters as communes, so a QPV counts as covered by a kind when one of its communes
 * is in the perimeter of a live dynamic of that kind: an upper bound where a city holds several quartiers.
 */
export function qpvCoverage(
  qpvs: QpvInfo[],
  dynamics: AnalyticDynamic[],
  kinds: readonly DynamicKind[],
  date: string,
): QpvFigures {
  const coveredCommunes = new Map<DynamicKind, Set<string>>(kinds.map((k) => [k, new Set()]));
  for (const d of dynamics) {
    const set = coveredCommunes.get(d.type);
    if (!set || !isLiveAt(d, date)) continue;
    for (const c of d.communes) set.add(c);
  }
  const couverture: Record<string, QpvKindCoverage> = {};
  for (const [kind, communes] of coveredCommunes) {
    const reached = qpvs.filter((q) => q.communes.some((c) => communes.has(c)));
    couverture[kind] = {
      qpv: reached.length,
      part: qpvs.length === 0 ? 0 : reached.length / qpvs.length,
      population: knownSum(reached),
    };
  }
  return {
    nombre: qpvs.length,
    population: knownSum(qpvs),
    populationConnue: qpvs.filter((q) => q.population !== null).length,
    couverture,
  };
}

function knownSum(list: QpvInfo[]): number | null {
  let sum = 0;
  let known = false;
  for (const q of list) {
    if (q.population === null) continue;
    sum += q.population;
    known = true;
  }
  return known ? sum : null;
}
