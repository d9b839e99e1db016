import type { FeatureCollection, Geometry, Position } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../../api/client.ts';
import { formatInteger } from '../../lib/format.ts';

const MAX_DEPARTEMENTS = 3;
const WIDTH = 480;

/** Département of a commune code: 2 characters, 3 overseas (971…976). */
const departementOf = (commune: string) =>
  commune.startsWith('97') ? commune.slice(0, 3) : commune.slice(0, 2);

function rings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

interface Shape {
  code: string;
  d: string;
  inside: boolean;
}

/** Equirectangular projection corrected by the cosine of the latitude: enough at this scale. */
function project(collections: FeatureCollection[], covered: Set<string>) {
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
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = WIDTH / Math.max((maxX - minX) * k, 1e-9);
  const height = Math.ceil((maxY - minY) * scale);
  const shapes: Shape[] = features.map((f) => {
    const code = String(f.properties?.code ?? '');
    const d = rings(f.geometry)
      .map(
        (ring) =>
          `M${ring.map(([x = 0, y = 0]) => `${((x - minX) * k * scale).toFixed(1)},${((maxY - y) * scale).toFixed(1)}`).join('L')}Z`,
      )
      .join('');
    return { code, d, inside: covered.has(code) };
  });
  return { shapes, height };
}

/**
 * The perimeter drawn on the communes of its département(s), from the imported contours; nothing is
 * shown when contours are missing (the list of communes below says the same thing in words).
 */
export function PerimeterMap({ communes, name }: { communes: string[]; name: string }) {
  const departements = useMemo(
    () => [...new Set(communes.map(departementOf))].slice(0, MAX_DEPARTEMENTS),
    [communes],
  );
  const [data, setData] = useState<FeatureCollection[] | null>(null);
  useEffect(() => {
    setData(null);
    if (departements.length === 0) return;
    const controller = new AbortController();
    Promise.all(
      departements.map((dep) =>
        getJson<FeatureCollection>(`/api/contours/commune?departement=${dep}`, controller.signal),
      ),
    ).then(setData, () => setData(null));
    return () => controller.abort();
  }, [departements]);
  const drawing = useMemo(() => (data ? project(data, new Set(communes)) : null), [data, communes]);
  if (!drawing || drawing.shapes.length === 0) return null;
  const inside = drawing.shapes.filter((s) => s.inside).length;
  return (
    <figure className="u-my-2 odts-perimeter-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${drawing.height}`}
        role="img"
        aria-label={`Carte du périmètre de ${name} : ${formatInteger(inside)} communes en couleur parmi celles de leur département`}
      >
        {drawing.shapes.map((s) => (
          <path key={s.code} d={s.d} className={s.inside ? 'odts-perimeter-in' : 'odts-perimeter-out'} />
        ))}
      </svg>
      <figcaption className="u-text-sm">
        En couleur, les communes du périmètre
        {departements.length < new Set(communes.map(departementOf)).size &&
          ` (${MAX_DEPARTEMENTS} premiers départements seulement)`}
        .
      </figcaption>
    </figure>
  );
}
