import type { Geometry, Position } from 'geojson';

/** Even-odd rule on one ring. */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(x: number, y: number, rings: Position[][]): boolean {
  if (!rings[0] || !inRing(x, y, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(x, y, hole));
}

/** Whether a point lies inside a Polygon or MultiPolygon (holes excluded). */
export function pointInSurface(x: number, y: number, g: Geometry): boolean {
  if (g.type === 'Polygon') return inPolygon(x, y, g.coordinates);
  if (g.type === 'MultiPolygon') return g.coordinates.some((p) => inPolygon(x, y, p));
  return false;
}

export type Box = [number, number, number, number];

/** Bounding box of any geometry's coordinates. */
export function boundingBox(g: Geometry): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0] as number);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0] as number);
      box[3] = Math.max(box[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (g.type !== 'GeometryCollection') visit(g.coordinates);
  else {
    for (const part of g.geometries) {
      const b = boundingBox(part);
      visit([
        [b[0], b[1]],
        [b[2], b[3]],
      ]);
    }
  }
  return box;
}

/**
 * A point inside a commune's surface to test it against a layer: the centre of its bounding box when
 * it lies inside, else the midpoint of the widest horizontal chord through that centre.
 */
export function innerPoint(g: Geometry): [number, number] {
  const [x0, y0, x1, y1] = boundingBox(g);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (pointInSurface(cx, cy, g)) return [cx, cy];
  const steps = 64;
  let best: [number, number] = [cx, cy];
  let run = 0;
  let bestRun = 0;
  for (let i = 0; i <= steps; i++) {
    const x = x0 + ((x1 - x0) * i) / steps;
    if (pointInSurface(x, cy, g)) {
      run += 1;
      if (run > bestRun) {
        bestRun = run;
        best = [x - ((x1 - x0) * (run - 1)) / steps / 2, cy];
      }
    } else run = 0;
  }
  return best;
}
