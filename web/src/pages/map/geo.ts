import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

export type Bounds = [[number, number], [number, number]];

export const FRANCE: Bounds = [
  [-5.3, 41.2],
  [9.7, 51.2],
];

/** The GeoJSON of the one object of a TopoJSON answer of /api/contours. */
export function toGeoJson(topology: Topology, name: string): FeatureCollection {
  const object = topology.objects[name];
  if (!object) return { type: 'FeatureCollection', features: [] };
  return feature(topology, object) as FeatureCollection;
}

/** Each département's share of population covered, as a property the map colours by. */
export function withShares(fc: FeatureCollection, shares: ReadonlyMap<string, number>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, part: shares.get(String(f.properties?.code)) ?? 0 },
    })),
  };
}

function visit(coords: unknown, out: Position[]) {
  if (Array.isArray(coords) && typeof coords[0] === 'number') out.push(coords as Position);
  else if (Array.isArray(coords)) for (const c of coords) visit(c, out);
}

/** Bounding box of a feature (null without geometry). */
export function boundsOf(f: Feature | undefined): Bounds | null {
  if (!f?.geometry || !('coordinates' in f.geometry)) return null;
  const points: Position[] = [];
  visit(f.geometry.coordinates, points);
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0] as number);
  const ys = points.map((p) => p[1] as number);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}

/** Each commune's number of quartiers prioritaires, as a property the QPV layer filters on. */
export function withQpvCounts(fc: FeatureCollection, counts: ReadonlyMap<string, number>): FeatureCollection {
  if (counts.size === 0) return fc;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, qpv: counts.get(String(f.properties?.code)) ?? 0 },
    })),
  };
}

/**
 * The points of the dynamics that have one (an establishment's address): drawn as dots, so that a CPTS known
 * by its seat only, with no perimeter yet, is on the map too.
 */
export function pointsOf(dynamics: FeatureCollection): FeatureCollection {
  const features: FeatureCollection['features'] = [];
  for (const f of dynamics.features) {
    const at = f.properties?.coordonnees as { longitude: number; latitude: number } | undefined;
    if (!at) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [at.longitude, at.latitude] },
      properties: f.properties,
    });
  }
  return { type: 'FeatureCollection', features };
}
