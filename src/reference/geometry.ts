import type { Geometry, MultiPolygon, Polygon } from 'geojson';

/**
 * Coordinates are kept to 4 decimals (about 10 m): contours serve maps, and the sources are already
 * generalised well beyond that, so more digits would only weigh on every response.
 */
const FACTOR = 1e4;

export type Surface = Polygon | MultiPolygon;

type Nested = number | Nested[];

function round(coordinates: Nested): Nested {
  if (typeof coordinates === 'number') return Math.round(coordinates * FACTOR) / FACTOR;
  return coordinates.map(round);
}

function isNumberTree(value: unknown, depth: number): boolean {
  if (depth === 0) return Array.isArray(value) && value.length >= 2 && value.every(Number.isFinite);
  return Array.isArray(value) && value.every((v) => isNumberTree(v, depth - 1));
}

/** A polygon or multipolygon with rounded coordinates, or the French reason it is not usable. */
export function surfaceGeometry(value: unknown): { geometry: Surface } | { error: string } {
  const g = value as Geometry | null | undefined;
  if (!g || typeof g !== 'object') return { error: 'géométrie absente' };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { error: `géométrie ${String(g.type)} : Polygon ou MultiPolygon attendu` };
  }
  if (!isNumberTree(g.coordinates, g.type === 'Polygon' ? 2 : 3)) {
    return { error: 'coordonnées de la géométrie invalides' };
  }
  return { geometry: { type: g.type, coordinates: round(g.coordinates as Nested) } as Surface };
}
