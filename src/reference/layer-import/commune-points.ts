import type { Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Box, boundingBox, innerPoint, pointInSurface } from './point-in-surface.ts';

interface CommuneShape {
  code: string;
  point: [number, number];
  geometry: Geometry;
  box: Box;
}

/**
 * The shipped commune contours, to turn a layer's geometry into communes: a commune belongs to a
 * surface when a point inside the commune lies in it; a point (a structure's seat) belongs to the
 * commune that contains it.
 */
export class CommuneShapes {
  private constructor(private readonly shapes: CommuneShape[]) {}

  static async load(db: Kysely<DB>): Promise<CommuneShapes> {
    const rows = await db
      .selectFrom('contour')
      .select(['code', 'geometrie'])
      .where('niveau', '=', 'commune')
      .execute();
    return new CommuneShapes(
      rows.map((r) => {
        const geometry = (
          typeof r.geometrie === 'string' ? JSON.parse(r.geometrie) : r.geometrie
        ) as Geometry;
        return { code: r.code, geometry, point: innerPoint(geometry), box: boundingBox(geometry) };
      }),
    );
  }

  get size(): number {
    return this.shapes.length;
  }

  communesOf(g: Geometry): string[] {
    if (g.type === 'Point') {
      const [x, y] = g.coordinates as [number, number];
      return this.shapes
        .filter((s) => x >= s.box[0] && x <= s.box[2] && y >= s.box[1] && y <= s.box[3])
        .filter((s) => pointInSurface(x, y, s.geometry))
        .map((s) => s.code)
        .slice(0, 1);
    }
    const [x0, y0, x1, y1] = boundingBox(g);
    return this.shapes
      .filter((s) => s.point[0] >= x0 && s.point[0] <= x1 && s.point[1] >= y0 && s.point[1] <= y1)
      .filter((s) => pointInSurface(s.point[0], s.point[1], g))
      .map((s) => s.code)
      .sort();
  }
}
