/** The resource centre's search, read from and written to the page address (shareable, refreshable). */

export const FACETS = ['type', 'dispositif', 'theme', 'public'] as const;
export type FacetKey = (typeof FACETS)[number];

export interface ResourceFilters {
  q: string;
  type: string;
  dispositif: string;
  theme: string;
  public: string;
  anneeMin: string;
  anneeMax: string;
  tri: 'pertinence' | 'date';
  page: number;
}

export const PAGE_SIZE = 20;

export const EMPTY_RESOURCE_FILTERS: ResourceFilters = {
  q: '',
  type: '',
  dispositif: '',
  theme: '',
  public: '',
  anneeMin: '',
  anneeMax: '',
  tri: 'pertinence',
  page: 1,
};

const year = (s: string | null) => (s && /^\d{4}$/.test(s) ? s : '');

export function readResourceFilters(params: URLSearchParams): ResourceFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const code = (k: string) => (params.get(k) ?? '').replace(/[^A-Za-z_,-]/g, '');
  return {
    q: params.get('q') ?? '',
    type: code('type'),
    dispositif: code('dispositif'),
    theme: code('theme'),
    public: code('public'),
    anneeMin: year(params.get('anneeMin')),
    anneeMax: year(params.get('anneeMax')),
    tri: params.get('tri') === 'date' ? 'date' : 'pertinence',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function filterParams(f: ResourceFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['q', ...FACETS, 'anneeMin', 'anneeMax'] as const) {
    const v = f[key].trim();
    if (v) p.set(key, v);
  }
  if (f.tri !== 'pertinence') p.set('tri', f.tri);
  return p;
}

const withPrefix = (p: URLSearchParams) => (p.size > 0 ? `?${p}` : '');

export function resourcesSearch(f: ResourceFilters): string {
  const p = filterParams(f);
  if (f.page > 1) p.set('page', String(f.page));
  return withPrefix(p);
}

export function resourcesApiUrl(f: ResourceFilters): string {
  const p = filterParams(f);
  p.set('page', String(f.page));
  p.set('limit', String(PAGE_SIZE));
  return `/api/ressources?${p}`;
}

export function resourcesExportUrl(f: ResourceFilters, format: string): string {
  const p = filterParams(f);
  p.set('format', format);
  return `/api/ressources/export?${p}`;
}
