import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { CODE_PATTERNS } from '@domain/territories/types.ts';
import { query } from '../../api/client.ts';

/** The mesh the map colours by coverage. */
export type Maille = 'region' | 'departement' | 'epci' | 'commune';

/** Meshes offered at each level of the drill-down, the first by default. */
export const MAILLES_OF_LEVEL = {
  france: ['departement', 'region'],
  region: ['departement'],
  departement: ['epci', 'commune'],
} as const satisfies Record<string, readonly Maille[]>;
export type MapLevel = keyof typeof MAILLES_OF_LEVEL;

/** What the map shows, kept in the page address: kind coloured, région or département opened, mesh, date. */
export interface MapParams {
  kind: DynamicKind;
  region: string;
  departement: string;
  maille: Maille;
  date: string;
}

export function levelOf(p: { region: string; departement: string }): MapLevel {
  return p.departement ? 'departement' : p.region ? 'region' : 'france';
}

export function readMapParams(search: string): MapParams {
  const p = new URLSearchParams(search);
  const type = p.get('type') ?? '';
  const dep = (p.get('departement') ?? '').toUpperCase();
  const reg = p.get('region') ?? '';
  const date = p.get('date') ?? '';
  const departement = CODE_PATTERNS.departement.test(dep) ? dep : '';
  const region = !departement && CODE_PATTERNS.region.test(reg) ? reg : '';
  const offered: readonly Maille[] = MAILLES_OF_LEVEL[levelOf({ region, departement })];
  const maille = offered.find((m) => m === p.get('maille')) ?? (offered[0] as Maille);
  return {
    kind: ((DYNAMIC_KINDS as readonly string[]).includes(type) ? type : 'CLS') as DynamicKind,
    region,
    departement,
    maille,
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
  };
}

export function mapSearch(p: MapParams): string {
  const offered: readonly Maille[] = MAILLES_OF_LEVEL[levelOf(p)];
  return query({
    type: p.kind,
    region: p.departement ? '' : p.region,
    departement: p.departement,
    // The default mesh of a level stays out of the address.
    maille: p.maille === offered[0] ? '' : p.maille,
    date: p.date,
  });
}

/** The API answers the map needs, so that the route can request them before the page renders. */
export function mapDataUrls(p: MapParams) {
  const dep = p.departement;
  const scope = dep ? { departement: dep } : p.region ? { region: p.region } : {};
  // France-wide, lightened contours: a third of the points, the same picture at that scale. A
  // département is drawn with its neighbours only; the régions then only give their names.
  const scale = dep || p.region ? '' : '&echelle=france';
  return {
    departements: `/api/contours/departement?format=topojson${dep ? `&autour=${dep}` : scale}`,
    regions: `/api/contours/region?format=topojson${dep ? '&echelle=france' : scale}`,
    coverage: `/api/analyses/couverture${query({ niveau: p.maille, ...scope, types: p.kind, date: p.date })}`,
    communes: dep ? `/api/contours/commune?departement=${dep}&format=topojson` : null,
    epci: dep ? `/api/contours/epci?departement=${dep}&format=topojson` : null,
    qpv: dep ? `/api/contours/qpv?departement=${dep}&format=topojson` : null,
    dynamics: dep ? `/api/dynamiques${query({ format: 'geojson', departement: dep, date: p.date })}` : null,
  };
}
