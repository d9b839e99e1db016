import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { KIND_COLORS } from './kind-colors.ts';

/** One layer draws every perimeter, coloured by kind: one bucket and one draw per tile, not one per kind. */
export const DYNAMIC_LAYERS = ['dynamiques'];

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

/** Outline of the communes holding a QPV (dark orange, contrast ≥ 3:1 on white and on the blues). */
export const QPV_COLOR = '#a34100';

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
  0.55,
  'en_projet',
  0.35,
  0.2,
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
  dynamiques?: FeatureCollection | undefined;
}

/**
 * Administrative contours and the registry's data only, unless a basemap is configured. Data already
 * loaded goes into the style itself: setting it after the first load cost one more pass of the
 * workers and of the (often software) WebGL rendering.
 */
export function baseStyle(
  data: MapData = {},
  view: { focused: boolean; visible: ReadonlySet<DynamicKind>; qpv?: boolean } = {
    focused: false,
    visible: new Set(DYNAMIC_KINDS),
  },
): StyleSpecification {
  const extra = basemap();
  return {
    version: 8,
    sources: {
      ...extra.sources,
      departements: { type: 'geojson', data: data.departements ?? EMPTY },
      regions: { type: 'geojson', data: data.regions ?? EMPTY },
      communes: { type: 'geojson', data: data.communes ?? EMPTY },
      dynamiques: { type: 'geojson', data: data.dynamiques ?? EMPTY },
    },
    layers: [
      {
        id: 'fond',
        type: 'background',
        paint: { 'background-color': token('--background-alt-blue-france', '#f5f5fe') },
      },
      ...extra.layers,
      {
        id: 'departements',
        type: 'fill',
        source: 'departements',
        // Its outline is the line layer below: no antialiasing pass of its own.
        paint: {
          'fill-color': shareColor,
          'fill-opacity': view.focused ? 0.25 : 0.85,
          'fill-antialias': false,
        },
      },
      {
        id: 'communes-limites',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': '#929292', 'line-width': 0.4 },
      },
      {
        id: 'dynamiques',
        type: 'fill',
        source: 'dynamiques',
        filter: visibleFilter(view.visible),
        paint: { 'fill-color': kindColor, 'fill-opacity': statusOpacity, 'fill-outline-color': kindColor },
      },
      {
        // Communes holding a quartier prioritaire: the shipped QPV list has no perimeters, so the map
        // outlines their communes, dashed, above the perimeters.
        id: 'communes-qpv',
        type: 'line',
        source: 'communes',
        filter: ['>', ['coalesce', ['get', 'qpv'], 0], 0],
        layout: { visibility: view.qpv === false ? 'none' : 'visible' },
        paint: { 'line-color': QPV_COLOR, 'line-width': 2, 'line-dasharray': [2, 1] },
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
    ],
  };
}
