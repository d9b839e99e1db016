import type { DynamicKind, TimelineStatus } from '../registry/kinds.ts';
import { type AnalyticDynamic, periodStatusAt } from './model.ts';

/** One collator for the whole sort: `localeCompare` builds one per call (same order). */
const byDefault = new Intl.Collator();

export interface CountRow {
  territoire: string;
  type: DynamicKind;
  statut: TimelineStatus;
  nombre: number;
}

/**
 * Dynamics existing on `date`, per territory × kind × status. `territoriesOf` gives the régions or
 * départements a dynamic touches, each once: a dynamic spanning two départements counts once in each.
 * `keep` restricts the territories reported (region/département filter).
 */
export function countByTerritory(
  dynamics: AnalyticDynamic[],
  territoriesOf: (d: AnalyticDynamic) => readonly string[],
  date: string,
  keep: (territory: string) => boolean,
  kinds: readonly DynamicKind[] | null,
): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const d of dynamics) {
    if (kinds && !kinds.includes(d.type)) continue;
    const statut = periodStatusAt(d.periods, date);
    if (!statut) continue;
    for (const t of territoriesOf(d)) {
      if (!keep(t)) continue;
      const key = `${t}|${d.type}|${statut}`;
      const row = counts.get(key);
      if (row) row.nombre += 1;
      else counts.set(key, { territoire: t, type: d.type, statut, nombre: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      byDefault.compare(a.territoire, b.territoire) ||
      byDefault.compare(a.type, b.type) ||
      byDefault.compare(a.statut, b.statut),
  );
}
