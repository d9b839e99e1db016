import type { Topology } from 'topojson-specification';

type Point = [number, number];

/**
 * Douglas–Peucker on the arcs of a quantised, delta-encoded topology. Shared borders are simplified once,
 * so neighbours still meet exactly. `tolerance` is in quantisation units. A ring that would fall under
 * four positions keeps its original arcs, so that no territory collapses into a line.
 */
export function simplifyTopology(topology: Topology, tolerance: number): Topology {
  const original = topology.arcs.map(decode);
  const simplified = original.map((arc) => simplifyArc(arc, tolerance));
  const rings = collectRings(topology);
  let restored = true;
  while (restored) {
    restored = false;
    for (const ring of rings) {
      const length = ring.reduce((n, a) => n + ((simplified[index(a)] as Point[]).length - 1), 1);
      if (length >= 4) continue;
      for (const a of ring) {
        const i = index(a);
        if ((simplified[i] as Point[]).length !== (original[i] as Point[]).length) {
          simplified[i] = original[i] as Point[];
          restored = true;
        }
      }
    }
  }
  return { ...topology, arcs: simplified.map(encode) };
}

const index = (arc: number) => (arc < 0 ? ~arc : arc);

function decode(arc: number[][]): Point[] {
  let x = 0;
  let y = 0;
  return arc.map(([dx = 0, dy = 0]) => {
    x += dx;
    y += dy;
    return [x, y];
  });
}

function encode(arc: Point[]): [number, number][] {
  let px = 0;
  let py = 0;
  return arc.map(([x, y]) => {
    const delta: [number, number] = [x - px, y - py];
    px = x;
    py = y;
    return delta;
  });
}

function simplifyArc(arc: Point[], tolerance: number): Point[] {
  if (arc.length <= 2) return arc;
  const first = arc[0] as Point;
  const last = arc[arc.length - 1] as Point;
  if (first[0] !== last[0] || first[1] !== last[1]) return douglasPeucker(arc, tolerance);
  // A closed arc (an island, an enclave) is cut at its farthest point so both halves have distinct ends.
  let far = 1;
  let best = -1;
  arc.forEach((p, i) => {
    const d = (p[0] - first[0]) ** 2 + (p[1] - first[1]) ** 2;
    if (d > best) {
      best = d;
      far = i;
    }
  });
  const head = douglasPeucker(arc.slice(0, far + 1), tolerance);
  const tail = douglasPeucker(arc.slice(far), tolerance);
  return [...head, ...tail.slice(1)];
}

function douglasPeucker(points: Point[], tolerance: number): Point[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(points[i] as Point, points[from] as Point, points[to] as Point);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (at >= 0 && worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

type ArcTree = number[] | ArcTree[];

/** Every ring of every polygon, as the list of arc references it is drawn from. */
function collectRings(topology: Topology): number[][] {
  const rings: number[][] = [];
  const visit = (geometry: { type: string; arcs?: ArcTree; geometries?: unknown[] }) => {
    if (geometry.type === 'GeometryCollection') {
      for (const g of geometry.geometries ?? []) visit(g as typeof geometry);
    } else if (geometry.type === 'Polygon') {
      rings.push(...((geometry.arcs ?? []) as number[][]));
    } else if (geometry.type === 'MultiPolygon') {
      for (const polygon of (geometry.arcs ?? []) as number[][][]) rings.push(...polygon);
    }
  };
  for (const object of Object.values(topology.objects)) visit(object as Parameters<typeof visit>[0]);
  return rings;
}
