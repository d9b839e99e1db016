import type { DynamicKind } from '../registry/kinds.ts';
import { type AnalyticDynamic, type CommuneInfo, isLiveAt, periodStatusAt } from './model.ts';

export interface KindCoverage {
  communes: number;
  population: number;
  partCommunes: number;
  partPopulation: number;
  /**
   * Counted apart: communes (and their population) reached only by dynamics of the kind that are échue
   * or of unknown status on the date, by no running one.
   */
  communesIncertaines: number;
  populationIncertaine: number;
}

/**
 * Share of a territory's communes and population covered by at least one live dynamic of each kind.
 * `dynamics` may extend beyond the territory: only communes of the territory count.
 */
export function coverageByKind(
  territory: CommuneInfo[],
  dynamics: AnalyticDynamic[],
  kinds: readonly DynamicKind[],
  date: string,
): Record<string, KindCoverage> {
  const inTerritory = new Map(territory.map((c) => [c.code, c]));
  const totalPop = territory.reduce((s, c) => s + c.population, 0);
  const covered = new Map<DynamicKind, Set<string>>(kinds.map((k) => [k, new Set()]));
  const uncertain = new Map<DynamicKind, Set<string>>(kinds.map((k) => [k, new Set()]));
  for (const d of dynamics) {
    const live = isLiveAt(d, date);
    const statut = live ? null : periodStatusAt(d.periods, date);
    const set = live
      ? covered.get(d.type)
      : statut === 'echue' || statut === 'inconnu'
        ? uncertain.get(d.type)
        : null;
    if (!set) continue;
    for (const c of d.communes) if (inTerritory.has(c)) set.add(c);
  }
  const out: Record<string, KindCoverage> = {};
  for (const [kind, set] of covered) {
    let population = 0;
    for (const c of set) population += inTerritory.get(c)?.population ?? 0;
    let communesIncertaines = 0;
    let populationIncertaine = 0;
    for (const c of uncertain.get(kind) ?? []) {
      if (set.has(c)) continue;
      communesIncertaines += 1;
      populationIncertaine += inTerritory.get(c)?.population ?? 0;
    }
    out[kind] = {
      communesIncertaines,
      populationIncertaine,
      communes: set.size,
      population,
      partCommunes: territory.length === 0 ? 0 : set.size / territory.length,
      partPopulation: totalPop === 0 ? 0 : population / totalPop,
    };
  }
  return out;
}

/** Communes of the territory covered by none of the kinds ("zones blanches"). */
export function uncoveredCommunes(
  territory: CommuneInfo[],
  dynamics: AnalyticDynamic[],
  kinds: readonly DynamicKind[],
  date: string,
): CommuneInfo[] {
  const covered = new Set<string>();
  for (const d of dynamics) {
    if (!kinds.includes(d.type) || !isLiveAt(d, date)) continue;
    for (const c of d.communes) covered.add(c);
  }
  return territory.filter((c) => !covered.has(c.code));
}
