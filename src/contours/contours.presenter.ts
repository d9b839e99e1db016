import type { FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
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

/** Geometries are stored as GeoJSON text: they are spliced in as is rather than parsed and re-serialised. */
export function geojsonText(niveau: Level, rows: ContourRow[]): string {
  const features = rows.map(
    (r) =>
      `{"type":"Feature","id":${JSON.stringify(r.code)},"properties":${JSON.stringify(properties(niveau, r))},"geometry":${r.geometrie}}`,
  );
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

/** Shared borders stored once and quantised: typically a third of the GeoJSON size. */
export function topojsonText(niveau: Level, rows: ContourRow[]): string {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: properties(niveau, r),
      geometry: JSON.parse(r.geometrie) as Geometry,
    })),
  };
  return JSON.stringify(topology({ [niveau]: collection }, 1e5));
}
