import { searchTokens } from '../text/normalize.ts';
import type { CatalogueAction } from './catalogue-action.ts';
import type { ActionFilters } from './schemas.ts';

const overlaps = <T>(list: readonly T[], wanted: readonly T[] | undefined) =>
  !wanted || wanted.some((w) => list.includes(w));

/**
 * The test of one action against the search filters. List filters accept any of their values; filters
 * add up. Years keep actions running at some point between anneeMin and anneeMax (an action without a
 * start date is then left out); `enCours` keeps actions without an end date or ending today or later.
 */
export function actionMatcher(f: ActionFilters, today: string): (a: CatalogueAction) => boolean {
  const tokens = f.q ? searchTokens(f.q).map((t) => ` ${t}`) : [];
  const thisYear = Number(today.slice(0, 4));
  const territory = f.territoire;
  return (a) => {
    const d = a.doc;
    if (f.type && !f.type.includes(d.type)) return false;
    if (f.echelle && (!d.echelle || !f.echelle.includes(d.echelle))) return false;
    if (f.milieu && (!d.milieu || !f.milieu.includes(d.milieu))) return false;
    if (f.qpv !== undefined && d.qpv !== f.qpv) return false;
    if (f.impliqueVille !== undefined && d.impliqueVille !== f.impliqueVille) return false;
    if (!overlaps(d.publics, f.public)) return false;
    if (f.financeur && !d.financeurs.some((x) => f.financeur?.includes(x.type))) return false;
    if (f.partenaire && !d.partenaires.some((x) => x.type !== null && f.partenaire?.includes(x.type)))
      return false;
    if (!overlaps(d.politiques, f.politique)) return false;
    if (!overlaps(d.axesOttawa, f.axe)) return false;
    if (!overlaps(d.etapes, f.etape)) return false;
    if (!overlaps(d.themes, f.theme)) return false;
    if (!overlaps(d.determinants, f.determinant)) return false;
    if (f.dispositif || f.role) {
      const ok = a.dynamiques.some(
        (x) =>
          (!f.dispositif || (x.type !== null && f.dispositif.includes(x.type))) &&
          (!f.role || f.role.includes(x.role)),
      );
      if (!ok) return false;
    }
    if (f.dynamique && !a.dynamiques.some((x) => x.id === f.dynamique)) return false;
    if (f.ressource && !d.ressources.includes(f.ressource)) return false;
    if (f.region && !a.geo.regions.includes(f.region)) return false;
    if (f.departement && !a.geo.departements.includes(f.departement)) return false;
    if (territory && !inTerritory(a, territory)) return false;
    if (f.anneeMin !== undefined || f.anneeMax !== undefined) {
      if (a.startYear === null) return false;
      const endYear = d.fin ? Number(d.fin.slice(0, 4)) : thisYear;
      if (f.anneeMax !== undefined && a.startYear > f.anneeMax) return false;
      if (f.anneeMin !== undefined && endYear < f.anneeMin) return false;
    }
    if (f.enCours !== undefined && (d.fin === null || d.fin >= today) !== f.enCours) return false;
    for (const t of tokens) if (!a.words.includes(t)) return false;
    return true;
  };
}

function inTerritory(a: CatalogueAction, t: { type: string; code: string }): boolean {
  switch (t.type) {
    case 'commune':
      return a.geo.communes.includes(t.code);
    case 'epci':
      return a.geo.epci.includes(t.code);
    case 'departement':
      return a.geo.departements.includes(t.code);
    case 'region':
      return a.geo.regions.includes(t.code);
    case 'qpv':
      return a.doc.territoire.qpv.includes(t.code);
    default:
      return false;
  }
}

/** The facets of the search: one count per value of every grid field, over the filtered set. */
export const FACETS = [
  'type',
  'echelle',
  'milieu',
  'qpv',
  'impliqueVille',
  'public',
  'financeur',
  'partenaire',
  'politique',
  'axe',
  'etape',
  'theme',
  'determinant',
  'dispositif',
  'role',
  'region',
  'departement',
  'annee',
] as const;
export type FacetName = (typeof FACETS)[number];
export type FacetCounts = Record<FacetName, Map<string, number>>;

/** The values an action brings to each facet (each value once per action). */
export function facetValues(
  a: Pick<CatalogueAction, 'doc' | 'dynamiques' | 'geo' | 'startYear'>,
): Record<FacetName, readonly string[]> {
  const d = a.doc;
  return {
    type: [d.type],
    echelle: d.echelle ? [d.echelle] : [],
    milieu: d.milieu ? [d.milieu] : [],
    qpv: [String(d.qpv)],
    impliqueVille: [String(d.impliqueVille)],
    public: d.publics,
    financeur: [...new Set(d.financeurs.map((f) => f.type))],
    partenaire: [...new Set(d.partenaires.flatMap((p) => (p.type ? [p.type] : [])))],
    politique: d.politiques,
    axe: d.axesOttawa,
    etape: d.etapes,
    theme: d.themes,
    determinant: d.determinants,
    dispositif: [...new Set(a.dynamiques.flatMap((x) => (x.type ? [x.type] : [])))],
    role: [...new Set(a.dynamiques.map((x) => x.role))],
    region: a.geo.regions,
    departement: a.geo.departements,
    annee: a.startYear === null ? [] : [String(a.startYear)],
  };
}

export function countFacets(actions: Iterable<CatalogueAction>): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  for (const a of actions) {
    const values = facetValues(a);
    for (const f of FACETS) {
      const m = counts[f];
      for (const v of values[f]) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  return counts;
}
