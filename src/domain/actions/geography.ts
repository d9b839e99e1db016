import type { ActionGeography } from './catalogue-action.ts';
import type { ActionTerritory } from './schemas.ts';
import type { Setting } from './vocabulary.ts';

/** What the reference says of some territory codes (read by the module's repository). */
export interface TerritoryFacts {
  communes: Map<
    string,
    { departement: string | null; region: string | null; epci: string | null; population: number | null }
  >;
  epciMembers: Map<string, string[]>;
  qpvCommunes: Map<string, string[]>;
}

/**
 * Places an action: every commune covered, with their EPCI, départements and régions. Unknown codes are
 * returned as field errors keyed like the input (`territoire.communes.2`).
 */
export function placeAction(
  t: ActionTerritory,
  facts: TerritoryFacts,
  prefix = '',
): { geo: ActionGeography; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const communes = new Set<string>();
  const epci = new Set<string>(t.epci.filter((e) => facts.epciMembers.has(e)));
  t.communes.forEach((c, i) => {
    if (facts.communes.has(c)) communes.add(c);
    else errors[`${prefix}territoire.communes.${i}`] = `commune inconnue : ${c}`;
  });
  t.epci.forEach((e, i) => {
    const members = facts.epciMembers.get(e);
    if (!members) errors[`${prefix}territoire.epci.${i}`] = `EPCI inconnu : ${e}`;
    else for (const c of members) communes.add(c);
  });
  t.qpv.forEach((q, i) => {
    const covered = facts.qpvCommunes.get(q);
    if (!covered) errors[`${prefix}territoire.qpv.${i}`] = `QPV inconnu : ${q}`;
    else for (const c of covered) communes.add(c);
  });
  const departements = new Set<string>();
  const regions = new Set<string>();
  for (const c of communes) {
    const f = facts.communes.get(c);
    if (f?.epci) epci.add(f.epci);
    if (f?.departement) departements.add(f.departement);
    if (f?.region) regions.add(f.region);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    geo: {
      communes: sorted(communes),
      epci: sorted(epci),
      departements: sorted(departements),
      regions: sorted(regions),
    },
    errors,
  };
}

/** A commune of at least this population counts as urban (INSEE's threshold of an urban unit). */
export const URBAN_POPULATION = 2000;

/**
 * The setting suggested for a territory: urban when it names a QPV or when every commune covered has
 * 2,000 inhabitants or more, rural when none has, mixed otherwise. A suggestion only: the person who
 * enters the action may change it.
 */
export function suggestSetting(
  t: ActionTerritory,
  facts: TerritoryFacts,
): { milieu: Setting | null; motif: string } {
  if (t.qpv.length > 0) return { milieu: 'urbain', motif: 'le territoire comprend un quartier prioritaire' };
  const { geo } = placeAction(t, facts);
  const populations = geo.communes.map((c) => facts.communes.get(c)?.population ?? null);
  const known = populations.filter((p): p is number => p !== null);
  if (known.length === 0) return { milieu: null, motif: 'aucune commune de population connue' };
  const urban = known.filter((p) => p >= URBAN_POPULATION).length;
  const counted = `${urban} commune(s) sur ${known.length} de ${URBAN_POPULATION} habitants ou plus`;
  if (urban === known.length) return { milieu: 'urbain', motif: counted };
  if (urban === 0) return { milieu: 'rural', motif: counted };
  return { milieu: 'mixte', motif: counted };
}
