import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { CODE_PATTERNS } from '@domain/territories/types.ts';
import { query } from '../../api/client.ts';

/** What the map shows, kept in the page address: the kind coloured, the département opened, the date. */
export interface MapParams {
  kind: DynamicKind;
  departement: string;
  date: string;
}

export function readMapParams(search: string): MapParams {
  const p = new URLSearchParams(search);
  const type = p.get('type') ?? '';
  const dep = (p.get('departement') ?? '').toUpperCase();
  const date = p.get('date') ?? '';
  return {
    kind: ((DYNAMIC_KINDS as readonly string[]).includes(type) ? type : 'CLS') as DynamicKind,
    departement: CODE_PATTERNS.departement.test(dep) ? dep : '',
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
  };
}

export function mapSearch(p: MapParams): string {
  return query({ type: p.kind, departement: p.departement, date: p.date });
}

/** The API answers the map needs, so that the route can request them before the page renders. */
export function mapDataUrls(p: MapParams) {
  const dep = p.departement;
  return {
    departements: '/api/contours/departement?format=topojson',
    regions: '/api/contours/region?format=topojson',
    coverage: `/api/analyses/couverture${query({ niveau: 'departement', types: p.kind, date: p.date })}`,
    communes: dep ? `/api/contours/commune?departement=${dep}&format=topojson` : null,
    dynamics: dep ? `/api/dynamiques${query({ format: 'geojson', departement: dep, date: p.date })}` : null,
    qpv: dep ? `/api/qpv?departement=${dep}` : null,
  };
}
