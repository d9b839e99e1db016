import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { KIND_COLORS } from './kind-colors.ts';
import type { Maille } from './urls.ts';

/** One layer draws every perimeter, coloured by kind: one bucket and one draw per tile, not one per kind. */
export const DYNAMIC_LAYERS = ['dynamiques', 'dynamiques-points'];
/** Layers filtered by the kinds ticked in the legend. */
export const KIND_FILTERED_LAYERS = ['dynamiques', 'dynamiques-contours', 'dynamiques-points'];

const kindColor = [
  'match',
  ['get', 'type'],
  ...DYNAMIC_KINDS.flatMap((k) => [k, KIND_COLORS[k]]),
  '#666666',
] as unknown as ExpressionSpecification;

/** Only the perimeters of the kinds shown in the legend. */
export function visibleFilter(visible: ReadonlySet<DynamicKind>): ExpressionSpecification {
  return ['in', ['get', 'type'], ['literal', [...visible]]];
}

/** Share of population covered → colour, from none (white) to all (DSFR blue). */
export const SHARE_STOPS: [number, string][] = [
  [0, '#ffffff'],
  [0.25, '#cacafb'],
  [0.5, '#8585f6'],
  [1, '#000091'],
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const shareColor: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['get', 'part'],
  ...SHARE_STOPS.flat(),
] as ExpressionSpecification;

const statusOpacity: ExpressionSpecification = [
  'match',
  ['get', 'statut'],
  'actif',
  0.3,
  'en_projet',
  0.18,
  0.1,
];

/**
 * Optional raster basemap, set when building the interface (`ODTS_FOND_DE_CARTE` = a tile address with
 * {z}/{x}/{y}, and `ODTS_FOND_DE_CARTE_ATTRIBUTION`); without it the map needs no internet access.
 */
const BASEMAP_URL: string = import.meta.env.ODTS_FOND_DE_CARTE ?? '';
const BASEMAP_ATTRIBUTION: string = import.meta.env.ODTS_FOND_DE_CARTE_ATTRIBUTION ?? '';

function basemap(): Pick<StyleSpecification, 'sources' | 'layers'> {
  if (!BASEMAP_URL) return { sources: {}, layers: [] };
  return {
    sources: {
      basemap: { type: 'raster', tiles: [BASEMAP_URL], tileSize: 256, attribution: BASEMAP_ATTRIBUTION },
    },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } }],
  };
}

/** What the map shows, when it is already there as the map is made. */
export interface MapData {
  departements?: FeatureCollection | undefined;
  regions?: FeatureCollection | undefined;
  communes?: FeatureCollection | undefined;
  epci?: FeatureCollection | undefined;
  dynamiques?: FeatureCollection | undefined;
  /** Addresses of the dynamics that have one (FINESS establishments). */
  points?: FeatureCollection | undefined;
  qpv?: FeatureCollection | undefined;
}

/** How the map is drawn: the mesh coloured, whether a département is open, the layers shown. */
export interface MapLook {
  maille: Maille;
  focused: boolean;
  visible: ReadonlySet<DynamicKind>;
  qpv: boolean;
}

/** The fill layer colouring each mesh by its share covered (only the chosen mesh's is visible). */
export const FILL_LAYERS: Record<Maille, string> = {
  region: 'regions-couverture',
  departement: 'departements',
  epci: 'epci-couverture',
  commune: 'communes-couverture',
};

export function fillVisibility(maille: Maille, layer: Maille): 'visible' | 'none' {
  return maille === layer ? 'visible' : 'none';
}

/** Opacity of the coloured mesh: lighter under the perimeters of an open département. */
export function fillOpacity(focused: boolean): number {
  return focused ? 0.45 : 0.85;
}

/**
 * Overlapping perimeters stay readable: each kind draws its outline at its own offset from the border,
 * so that perimeters of several kinds sharing a border show as parallel lines of their colours, and the
 * fills stay faint enough for the coverage colour underneath to be read.
 */
const kindOffset = [
  'match',
  ['get', 'type'],
  ...DYNAMIC_KINDS.flatMap((k, i) => [k, 1.5 + (i % 5) * 2.5]),
  0,
] as unknown as ExpressionSpecification;

/**
 * A GeoJSON source cut into tiles by the workers. Simplified to one pixel (0.375 by default: not a
 * visible difference on contours) and with a 32-pixel margin around each tile (128 by default; the
 * widest line, a perimeter's outline shifted by up to 12 pixels, stays within it): each tile then holds
 * fewer points to cut and draw, which took the Rhône map from 1.43 to 1.30 s (p50) in software WebGL.
 */
const geojson = (data: FeatureCollection | undefined) => ({
  type: 'geojson' as const,
  data: data ?? EMPTY,
  tolerance: 1,
  buffer: 32,
});

/** The style's GeoJSON sources (the optional raster basemap, loaded from elsewhere, is not one). */
export function dataSources(style: StyleSpecification): string[] {
  return Object.entries(style.sources)
    .filter(([, source]) => source.type === 'geojson')
    .map(([id]) => id);
}

/**
 * Administrative contours and the registry's data only, unless a basemap is configured. Data already
 * loaded goes into the style itself: setting it after the first load cost one more pass of the
 * workers and of the (often software) WebGL rendering.
 */
export function baseStyle(
  data: MapData = {},
  view: MapLook = { maille: 'departement', focused: false, visible: new Set(DYNAMIC_KINDS), qpv: true },
): StyleSpecification {
  const extra = basemap();
  const fill = (maille: Maille, source: string) => ({
    id: FILL_LAYERS[maille],
    type: 'fill' as const,
    source,
    layout: { visibility: fillVisibility(view.maille, maille) },
    // Outlines are the line layers below: no antialiasing pass of its own.
    paint: {
      'fill-color': shareColor,
      'fill-opacity': fillOpacity(view.focused),
      'fill-antialias': false,
    },
  });
  return {
    version: 8,
    sources: {
      ...extra.sources,
      departements: geojson(data.departements),
      regions: geojson(data.regions),
      epci: geojson(data.epci),
      communes: geojson(data.communes),
      dynamiques: geojson(data.dynamiques),
      points: geojson(data.points),
      qpv: geojson(data.qpv),
    },
    layers: [
      {
        id: 'fond',
        type: 'background',
        paint: { 'background-color': token('--background-alt-blue-france', '#f5f5fe') },
      },
      ...extra.layers,
      fill('region', 'regions'),
      fill('departement', 'departements'),
      fill('epci', 'epci'),
      fill('commune', 'communes'),
      {
        id: 'communes-limites',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': '#929292', 'line-width': 0.4 },
      },
      {
        id: 'epci-limites',
        type: 'line',
        source: 'epci',
        paint: { 'line-color': '#666666', 'line-width': 0.9 },
      },
      {
        id: 'dynamiques',
        type: 'fill',
        source: 'dynamiques',
        filter: visibleFilter(view.visible),
        paint: { 'fill-color': kindColor, 'fill-opacity': statusOpacity, 'fill-antialias': false },
      },
      {
        id: 'dynamiques-contours',
        type: 'line',
        source: 'dynamiques',
        filter: visibleFilter(view.visible),
        paint: { 'line-color': kindColor, 'line-width': 2, 'line-offset': kindOffset },
      },
      {
        id: 'dynamiques-points',
        type: 'circle',
        source: 'points',
        filter: visibleFilter(view.visible),
        paint: {
          'circle-color': kindColor,
          'circle-radius': 5,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'departements-limites',
        type: 'line',
        source: 'departements',
        paint: { 'line-color': '#666666', 'line-width': 0.7 },
      },
      {
        id: 'regions-limites',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': '#3a3a3a', 'line-width': 1.4 },
      },
      {
        id: 'qpv',
        type: 'line',
        source: 'qpv',
        layout: { visibility: view.qpv ? 'visible' : 'none' },
        paint: { 'line-color': '#161616', 'line-width': 1.6, 'line-dasharray': [2, 1] },
      },
    ],
  };
}
