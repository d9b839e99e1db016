import type { Geometry, Position } from 'geojson';
import type { ContourRow } from './contours.presenter.ts';

interface QpvRow {
  code: string;
  nom: string;
  population: number | null;
  departement: string;
  region: string | null;
  contour: string | null;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/**
 * One map feature per QPV: its own perimeter when the imported source had one, else the communes it lies
 * in, put together as one multipolygon (`perimetre: "communes"` says so, and the legend too). A QPV with
 * neither is left out.
 */
export function qpvContourRows(qpv: QpvRow[], communes: { qpv: string; geometrie: string }[]): ContourRow[] {
  const byQpv = new Map<string, string[]>();
  for (const c of communes) byQpv.set(c.qpv, [...(byQpv.get(c.qpv) ?? []), c.geometrie]);
  const rows: ContourRow[] = [];
  for (const q of qpv) {
    const own = q.contour;
    const parts = byQpv.get(q.code) ?? [];
    if (!own && parts.length === 0) continue;
    const geometrie = own
      ? own
      : parts.length === 1
        ? (parts[0] as string)
        : JSON.stringify({
            type: 'MultiPolygon',
            coordinates: parts.flatMap((g) => polygonsOf(JSON.parse(g) as Geometry)),
          });
    rows.push({
      code: q.code,
      nom: q.nom,
      departements: [q.departement],
      regions: q.region ? [q.region] : [],
      geometrie,
      extra: {
        perimetre: own ? 'quartier' : 'communes',
        ...(q.population !== null ? { population: q.population } : {}),
      },
    });
  }
  return rows;
}
