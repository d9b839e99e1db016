import type { ContourRow } from './contours.presenter.ts';

type Box = [number, number, number, number];

function boxOf(geometry: string): Box | null {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  // Coordinates are the only numbers of a geometry's text: read in order, x then y.
  const numbers = geometry.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const x = Number(numbers[i]);
    const y = Number(numbers[i + 1]);
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box[0] <= box[2] ? box : null;
}

/**
 * The contour of `code` and those whose bounding box meets its own widened by half on each side: what a
 * map framed on that territory can show, the rest of France left out (a fifth of the points or less).
 */
export function around(rows: ContourRow[], code: string): ContourRow[] {
  const center = rows.find((r) => r.code === code);
  const box = center && boxOf(center.geometrie);
  if (!box) return center ? [center] : [];
  const dx = (box[2] - box[0]) / 2;
  const dy = (box[3] - box[1]) / 2;
  const wide: Box = [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
  return rows.filter((r) => {
    if (r.code === code) return true;
    const b = boxOf(r.geometrie);
    return b !== null && b[0] <= wide[2] && b[2] >= wide[0] && b[1] <= wide[3] && b[3] >= wide[1];
  });
}
