import type { FeatureCollection, Geometry, Position } from 'geojson';

/** The drawing of the answered territories: départements projected to SVG paths, shaded by answer rate. */

export interface RateShape {
  code: string;
  nom: string;
  d: string;
  /** 0 (no recipient or nobody answered) to 4 (three quarters or more answered). */
  level: number;
  rate: number | null;
}

export interface AnswerDrawing {
  width: number;
  height: number;
  shapes: RateShape[];
}

function rings(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Quarter of the recipients who answered: 0 none, 1 under 25 %, … 4 from 75 %. */
export function rateLevel(answered: number, recipients: number): number {
  if (recipients === 0 || answered === 0) return 0;
  return Math.min(4, 1 + Math.floor((4 * answered) / recipients));
}

/** Equirectangular projection corrected by the cosine of the mean latitude: enough for a few départements. */
export function drawAnswers(
  collections: FeatureCollection[],
  counts: Map<string, { repondus: number; destinataires: number }>,
  width = 480,
): AnswerDrawing {
  const features = collections.flatMap((c) => c.features);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const ring of rings(f.geometry))
      for (const [x = 0, y = 0] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (features.length === 0 || !Number.isFinite(minX)) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = width / Math.max((maxX - minX) * k, 1e-9);
  const point = ([x = 0, y = 0]: Position) =>
    `${((x - minX) * k * scale).toFixed(1)},${((maxY - y) * scale).toFixed(1)}`;
  const shapes = features.map((f) => {
    const code = String(f.properties?.code ?? '');
    const c = counts.get(code);
    return {
      code,
      nom: String(f.properties?.nom ?? code),
      d: rings(f.geometry)
        .map((ring) => `M${ring.map(point).join('L')}Z`)
        .join(''),
      level: c ? rateLevel(c.repondus, c.destinataires) : 0,
      rate: c && c.destinataires > 0 ? c.repondus / c.destinataires : null,
    };
  });
  return { width, height: Math.ceil((maxY - minY) * scale), shapes };
}
