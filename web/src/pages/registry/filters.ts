import {
  DYNAMIC_KINDS,
  type DynamicKind,
  TIMELINE_STATUSES,
  type TimelineStatus,
} from '@domain/registry/kinds.ts';

/** The registry's filters, read from and written to the page address so that a view can be shared. */
export interface Filters {
  type: DynamicKind | '';
  statut: TimelineStatus | '';
  region: string;
  departement: string;
  territoire: string;
  date: string;
  q: string;
  /** Renewals due: a number of months from today, or a date (empty: no such filter). */
  echeance: string;
  tri: 'nom' | 'modification' | 'verification';
  page: number;
}

/** The renewal horizons offered, in months. */
export const ECHEANCES = ['6', '12', '24'] as const;

export const PAGE_SIZE = 25;

export const EMPTY_FILTERS: Filters = {
  type: '',
  statut: '',
  region: '',
  departement: '',
  territoire: '',
  date: '',
  q: '',
  echeance: '',
  tri: 'nom',
  page: 1,
};

export function readFilters(params: URLSearchParams): Filters {
  const type = params.get('type') ?? '';
  const statut = params.get('statut') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    type: (DYNAMIC_KINDS as readonly string[]).includes(type) ? (type as DynamicKind) : '',
    statut: (TIMELINE_STATUSES as readonly string[]).includes(statut) ? (statut as TimelineStatus) : '',
    region: params.get('region') ?? '',
    departement: params.get('departement') ?? '',
    territoire: params.get('territoire') ?? '',
    date: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : '',
    q: params.get('q') ?? '',
    echeance: /^(\d{1,3}|\d{4}-\d{2}-\d{2})$/.test(params.get('echeance') ?? '')
      ? (params.get('echeance') as string)
      : '',
    tri: readSort(params.get('tri')),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function readSort(tri: string | null): Filters['tri'] {
  return tri === 'modification' || tri === 'verification' ? tri : 'nom';
}

/** Filter parameters shared by the page address, the API list and the exports. */
function filterParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of [
    'type',
    'statut',
    'region',
    'departement',
    'territoire',
    'date',
    'q',
    'echeance',
  ] as const) {
    const v = f[key].trim();
    if (v) p.set(key, v);
  }
  return p;
}

export function pageSearch(f: Filters): string {
  const p = filterParams(f);
  if (f.tri !== 'nom') p.set('tri', f.tri);
  if (f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function apiListUrl(f: Filters): string {
  const p = filterParams(f);
  p.set('tri', f.tri);
  p.set('page', String(f.page));
  p.set('limit', String(PAGE_SIZE));
  return `/api/dynamiques?${p}`;
}

export function exportUrl(f: Filters, format: 'csv' | 'xlsx' | 'geojson'): string {
  const p = filterParams(f);
  p.set('format', format);
  return `/api/dynamiques?${p}`;
}
