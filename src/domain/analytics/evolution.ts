import { hasCoordinationAt } from '../registry/timeline.ts';
import { type AnalyticDynamic, isLiveAt, periodStatusAt } from './model.ts';

export interface EvolutionItem {
  id: string;
  type: string;
  nom: string;
}

export interface Change extends EvolutionItem {
  nature: 'statut' | 'coordination';
  avant: string;
  apres: string;
}

/**
 * What changed between two dates: dynamics created (absent then present), stopped (live then stopped
 * or gone), status and coordination changes (to "échue" included), the net change of live dynamics per
 * kind, and apart the dynamics whose status is unknown on one of the dates: nothing can be said of them.
 */
export function evolutionBetween(dynamics: AnalyticDynamic[], depuis: string, jusqua: string) {
  const creees: EvolutionItem[] = [];
  const arretees: EvolutionItem[] = [];
  const changements: Change[] = [];
  const inconnues: EvolutionItem[] = [];
  const solde: Record<string, number> = {};
  for (const d of dynamics) {
    const item = { id: d.id, type: d.type, nom: d.nom };
    const before = periodStatusAt(d.periods, depuis);
    const after = periodStatusAt(d.periods, jusqua);
    const liveBefore = isLiveAt(d, depuis);
    const liveAfter = isLiveAt(d, jusqua);
    solde[d.type] = (solde[d.type] ?? 0) + (liveAfter ? 1 : 0) - (liveBefore ? 1 : 0);
    if (before === null && after !== null) {
      creees.push(item);
      continue;
    }
    if (before === 'inconnu' || after === 'inconnu') {
      inconnues.push(item);
      continue;
    }
    if (liveBefore && (after === null || after === 'arrete')) {
      arretees.push(item);
      continue;
    }
    if (before && after && before !== after)
      changements.push({ ...item, nature: 'statut', avant: before, apres: after });
    if (liveBefore && liveAfter) {
      const cBefore = hasCoordinationAt(d.coordination, depuis);
      const cAfter = hasCoordinationAt(d.coordination, jusqua);
      if (cBefore !== cAfter) {
        changements.push({
          ...item,
          nature: 'coordination',
          avant: cBefore ? 'avec coordination' : 'sans coordination',
          apres: cAfter ? 'avec coordination' : 'sans coordination',
        });
      }
    }
  }
  const byName = (a: EvolutionItem, b: EvolutionItem) => a.nom.localeCompare(b.nom, 'fr');
  return {
    creees: creees.sort(byName),
    arretees: arretees.sort(byName),
    changements: changements.sort(byName),
    inconnues: inconnues.sort(byName),
    solde,
  };
}
