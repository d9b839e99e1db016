import type { PresentedDynamic } from '../registry.presenter.ts';
import type { ContourLevel, ContourSource, Geometry } from './contour.repository.ts';

type Ring = unknown[];
type PolygonCoords = Ring[];

interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: MultiPolygon | null;
  properties: {
    id: string;
    type: string;
    nom: string;
    statut: string | null;
    /** Where the structure stands (an establishment's address from FINESS), beside its perimeter. */
    coordonnees?: { longitude: number; latitude: number };
  };
}

/** Polygons of a geometry, whatever its kind (Polygon, MultiPolygon, GeometryCollection). */
export function polygonsOf(g: Geometry | undefined): PolygonCoords[] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as PolygonCoords];
  if (g.type === 'MultiPolygon') return g.coordinates as PolygonCoords[];
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(polygonsOf);
  return [];
}

/**
 * The perimeter as entered: départements, EPCI, communes and QPV each by their own outline. When one is
 * missing, every covered commune that has an outline is drawn instead. Polygons are juxtaposed, not
 * merged: a map draws them the same.
 */
async function perimeterGeometry(
  d: PresentedDynamic,
  contours: ContourSource,
  cache: Map<string, Geometry | null>,
): Promise<MultiPolygon | null> {
  const p = d.perimetre;
  const entered: [ContourLevel, string[]][] = [
    ['departement', p.departements],
    ['epci', p.epci],
    ['commune', p.communesSaisies],
    ['qpv', p.qpv],
  ];
  let parts = await collect(entered, contours, cache);
  if (!parts.complete) parts = await collect([['commune', p.communes]], contours, cache);
  const polygons = parts.found.flatMap(polygonsOf);
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/** Geometries of the territories listed; `complete` is false when one of them has no contour. */
async function collect(
  levels: [ContourLevel, string[]][],
  contours: ContourSource,
  cache: Map<string, Geometry | null>,
): Promise<{ found: Geometry[]; complete: boolean }> {
  const found: Geometry[] = [];
  let complete = true;
  for (const [level, codes] of levels) {
    const missing = codes.filter((c) => !cache.has(`${level}:${c}`));
    if (missing.length > 0) {
      const found = await contours.geometries(level, missing);
      for (const c of missing) cache.set(`${level}:${c}`, found.get(c) ?? null);
    }
    for (const c of codes) {
      const g = cache.get(`${level}:${c}`);
      if (g) found.push(g);
      else complete = false;
    }
  }
  return { found, complete };
}

export async function toFeatureCollection(items: PresentedDynamic[], contours: ContourSource) {
  const cache = new Map<string, Geometry | null>();
  const features: Feature[] = [];
  for (const d of items) {
    features.push({
      type: 'Feature',
      id: d.id,
      geometry: await perimeterGeometry(d, contours, cache),
      properties: {
        id: d.id,
        type: d.type,
        nom: d.nom,
        statut: d.statut,
        ...(d.specifique.coordonnees ? { coordonnees: d.specifique.coordonnees } : {}),
      },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}
