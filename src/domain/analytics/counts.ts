import type { DynamicKind, Status } from '../registry/kinds.ts';
import { type AnalyticDynamic, type CommuneInfo, periodStatusAt } from './model.ts';

export interface CountRow {
  territoire: string;
  type: DynamicKind;
  statut: Status;
  nombre: number;
}

/**
 * Dynamics existing on `date`, per territory × kind × status. A dynamic spanning two départements
 * counts once in each; `keep` restricts the territories reported (region/département filter).
 */
export function countByTerritory(
  dynamics: AnalyticDynamic[],
  communes: Map<string, CommuneInfo>,
  level: 'region' | 'departement',
  date: string,
  keep: (territory: string) => boolean,
  kinds: readonly DynamicKind[] | null,
): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const d of dynamics) {
    if (kinds && !kinds.includes(d.type)) continue;
    const statut = periodStatusAt(d.periods, date);
    if (!statut) continue;
    const territories = new Set<string>();
    for (const c of d.communes) {
      const t = communes.get(c)?.[level];
      if (t && keep(t)) territories.add(t);
    }
    for (const t of territories) {
      const key = `${t}|${d.type}|${statut}`;
      const row = counts.get(key);
      if (row) row.nombre += 1;
      else counts.set(key, { territoire: t, type: d.type, statut, nombre: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.territoire.localeCompare(b.territoire) ||
      a.type.localeCompare(b.type) ||
      a.statut.localeCompare(b.statut),
  );
}
