import type { DynamicKind } from '../registry/kinds.ts';
import { type AnalyticDynamic, isLiveAt, periodStatusAt, shortKind } from './model.ts';

export interface Configuration {
  avec: DynamicKind[];
  libelle: string;
  nombre: number;
  dynamiques: string[];
}

function joinFrench(items: string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

export function configurationLabel(base: DynamicKind, avec: DynamicKind[], present: DynamicKind[]): string {
  const b = shortKind(base);
  if (present.length === 0) {
    return base === 'CONTRAT_VILLE'
      ? `${b} sans aucun dispositif santé`
      : `${b} sans ${joinFrench(avec.map(shortKind), 'ni')}`;
  }
  const names = present.map(shortKind);
  return present.length === 1 ? `${b} + ${names[0]} seulement` : `${b} + ${joinFrench(names, 'et')}`;
}

/**
 * For each live base dynamic, which of the `avec` kinds have a live dynamic sharing at least one commune;
 * aggregated into all 2^n combinations (zeros included), in a stable order: fewest kinds first.
 */
export function configurationMatrix(input: {
  base: DynamicKind;
  avec: DynamicKind[];
  date: string;
  bases: AnalyticDynamic[];
  /** Live dynamics per commune, for the `avec` kinds. */
  byCommune: (commune: string) => AnalyticDynamic[];
}): { total: number; configurations: Configuration[]; aPart: { inconnu: string[]; echue: string[] } } {
  const { base, avec, date } = input;
  const masks = new Map<number, string[]>();
  const aPart = { inconnu: [] as string[], echue: [] as string[] };
  let total = 0;
  for (const d of input.bases) {
    if (d.type !== base) continue;
    if (!isLiveAt(d, date)) {
      const statut = periodStatusAt(d.periods, date);
      if (statut === 'inconnu' || statut === 'echue') aPart[statut].push(d.id);
      continue;
    }
    total += 1;
    let mask = 0;
    const full = (1 << avec.length) - 1;
    for (const c of d.communes) {
      for (const other of input.byCommune(c)) {
        if (other.id === d.id) continue;
        const k = avec.indexOf(other.type);
        if (k >= 0 && isLiveAt(other, date)) mask |= 1 << k;
      }
      if (mask === full) break;
    }
    const list = masks.get(mask);
    if (list) list.push(d.id);
    else masks.set(mask, [d.id]);
  }
  const configurations: Configuration[] = [];
  for (let mask = 0; mask < 1 << avec.length; mask++) {
    const present = avec.filter((_, k) => mask & (1 << k));
    const ids = masks.get(mask) ?? [];
    configurations.push({
      avec: present,
      libelle: configurationLabel(base, avec, present),
      nombre: ids.length,
      dynamiques: ids,
    });
  }
  configurations.sort((a, b) => a.avec.length - b.avec.length);
  return { total, configurations, aPart };
}
