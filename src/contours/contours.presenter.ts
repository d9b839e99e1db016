import type { FeatureCollection, Geometry } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import type { ContourLevel } from '../db/schema.ts';

export interface ContourRow {
  code: string;
  nom: string;
  departements: string[];
  regions: string[];
  geometrie: string;
  /** Further properties of the feature (QPV: population, kind of perimeter). */
  extra?: Record<string, string | number>;
}

type Level = ContourLevel | 'qpv';

function properties(niveau: Level, r: ContourRow) {
  const single = (list: string[]) => (list.length === 1 ? list[0] : undefined);
  return {
    code: r.code,
    nom: r.nom,
    ...r.extra,
    ...(niveau === 'commune' ? { departement: single(r.departements) } : {}),
    ...(niveau === 'commune' || niveau === 'departement' ? { region: single(r.regions) } : {}),
  };
}

/**
 * Geometries are stored as GeoJSON text: they are spliced in as is rather than parsed and re-serialised,
 * unless they are to be lightened (`minArea`, see `lightened`).
 */
export function geojsonText(niveau: Level, rows: ContourRow[], minArea?: number): string {
  if (minArea !== undefined) {
    const topo = lightened(niveau, rows, minArea);
    const object = topo.objects[niveau];
    return JSON.stringify(object ? feature(topo, object) : { type: 'FeatureCollection', features: [] });
  }
  const features = rows.map(
    (r) =>
      `{"type":"Feature","id":${JSON.stringify(r.code)},"properties":${JSON.stringify(properties(niveau, r))},"geometry":${r.geometrie}}`,
  );
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

/** Shared borders stored once and quantised: typically a third of the GeoJSON size. */
export function topojsonText(niveau: Level, rows: ContourRow[], minArea?: number): string {
  return JSON.stringify(minArea === undefined ? topologyOf(niveau, rows) : lightened(niveau, rows, minArea));
}

/**
 * Vertices whose triangle with their neighbours is smaller than `minArea` (square degrees) dropped,
 * shared borders together, so that neighbours still meet with no gap nor overlap.
 */
function lightened(niveau: Level, rows: ContourRow[], minArea: number): Topology {
  const topo = topologyOf(niveau, rows) as Parameters<typeof presimplify>[0];
  const simplified = simplify(presimplify(topo), minArea);
  // presimplify leaves each vertex's weight as a third coordinate, of no use to a map, and the arcs in
  // full coordinates: quantised again (about 400 m over France and its overseas départements), the answer is a third smaller.
  for (const arc of simplified.arcs) for (const point of arc) point.length = 2;
  return quantize(simplified as Parameters<typeof quantize>[0], 3e4) as Topology;
}

function topologyOf(niveau: Level, rows: ContourRow[]): Topology {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: properties(niveau, r),
      geometry: JSON.parse(r.geometrie) as Geometry,
    })),
  };
  return topology({ [niveau]: collection }, 1e5);
}
