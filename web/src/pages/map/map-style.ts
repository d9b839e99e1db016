import { DYNAMIC_KINDS } from '@domain/registry/kinds.ts';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { KIND_COLORS } from './kind-colors.ts';

export const DYNAMIC_LAYERS = DYNAMIC_KINDS.map((k) => `dyn-${k}`);

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
  0.55,
  'en_projet',
  0.35,
  0.2,
];

/** Administrative contours and the registry's data only: no external basemap, the map works offline. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      departements: { type: 'geojson', data: EMPTY },
      regions: { type: 'geojson', data: EMPTY },
      communes: { type: 'geojson', data: EMPTY },
      dynamiques: { type: 'geojson', data: EMPTY },
    },
    layers: [
      {
        id: 'fond',
        type: 'background',
        paint: { 'background-color': token('--background-alt-blue-france', '#f5f5fe') },
      },
      {
        id: 'departements',
        type: 'fill',
        source: 'departements',
        paint: { 'fill-color': shareColor, 'fill-opacity': 0.85 },
      },
      {
        id: 'communes-limites',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': '#929292', 'line-width': 0.4 },
      },
      ...DYNAMIC_KINDS.map((k) => ({
        id: `dyn-${k}`,
        type: 'fill' as const,
        source: 'dynamiques',
        filter: ['==', ['get', 'type'], k] as ExpressionSpecification,
        paint: {
          'fill-color': KIND_COLORS[k],
          'fill-opacity': statusOpacity,
          'fill-outline-color': KIND_COLORS[k],
        },
      })),
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
