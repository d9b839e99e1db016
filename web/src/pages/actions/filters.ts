/** The filters of the actions page, read from and written to its address (shareable, reloadable). */

/** Facets offered on the page, in display order, with their headings. */
export const ACTION_FACET_LABELS = {
  type: 'Type de fiche',
  echelle: 'Échelle',
  milieu: 'Milieu',
  qpv: 'En quartier prioritaire',
  public: 'Publics',
  financeur: 'Financeurs',
  partenaire: 'Partenaires opérationnels',
  politique: 'Politiques publiques liées',
  axe: 'Axes de la charte d’Ottawa',
  etape: 'Étapes du projet',
  theme: 'Thèmes',
  determinant: 'Déterminants de santé',
  dispositif: 'Dynamiques impliquées',
  role: 'Rôle des dynamiques',
  impliqueVille: 'Implication de la ville',
  region: 'Région',
  departement: 'Département',
  annee: 'Année de début',
} as const;
export type ActionFacetKey = keyof typeof ACTION_FACET_LABELS;

export const PAGE_SIZE = 20;

export type ActionPageFilters = Record<ActionFacetKey, string> & { q: string; tri: string; page: number };

export const EMPTY_ACTION_FILTERS: ActionPageFilters = {
  ...(Object.fromEntries(Object.keys(ACTION_FACET_LABELS).map((k) => [k, ''])) as Record<
    ActionFacetKey,
    string
  >),
  q: '',
  tri: 'titre',
  page: 1,
};

export function readActionFilters(params: URLSearchParams): ActionPageFilters {
  const f = { ...EMPTY_ACTION_FILTERS };
  for (const key of Object.keys(ACTION_FACET_LABELS) as ActionFacetKey[]) f[key] = params.get(key) ?? '';
  f.q = params.get('q') ?? '';
  f.tri = params.get('tri') ?? 'titre';
  f.page = Math.max(1, Number(params.get('page')) || 1);
  return f;
}

/**
 * The query of the API: `annee` (a facet value) becomes the years range; empty values are left out.
 * `paging` adds page, limit and order (the analyses take the filters only).
 */
function apiParams(f: ActionPageFilters, paging: boolean): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of Object.keys(ACTION_FACET_LABELS) as ActionFacetKey[]) {
    const value = f[key];
    if (!value) continue;
    if (key === 'annee') {
      p.set('anneeMin', value);
      p.set('anneeMax', value);
    } else p.set(key, value);
  }
  if (f.q.trim()) p.set('q', f.q.trim());
  if (paging) {
    p.set('tri', f.tri);
    p.set('page', String(f.page));
    p.set('limit', String(PAGE_SIZE));
  }
  return p;
}

export const actionsApiUrl = (f: ActionPageFilters) => `/api/actions?${apiParams(f, true)}`;
export const actionsAnalysisUrl = (f: ActionPageFilters) => `/api/analyses/actions?${apiParams(f, false)}`;
/** The grid figures of these actions as a document (`GET /api/rapports/actions`). */
export const actionsSummaryUrl = (f: ActionPageFilters, format: 'pdf' | 'docx' | 'html') => {
  const p = apiParams(f, false);
  p.set('format', format);
  return `/api/rapports/actions?${p}`;
};
export const actionsExportUrl = (f: ActionPageFilters, format: 'csv' | 'xlsx') => {
  const p = apiParams(f, false);
  p.set('format', format);
  return `/api/actions?${p}`;
};

/** The page's own address for these filters (defaults left out). */
export function actionsSearch(f: ActionPageFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  for (const key of Object.keys(ACTION_FACET_LABELS) as ActionFacetKey[]) if (f[key]) p.set(key, f[key]);
  if (f.tri !== 'titre') p.set('tri', f.tri);
  if (f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}
