import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Levels a perimeter is entered at; QPV outlines live with the QPV layer, the others in `contour`. */
export type ContourLevel = 'commune' | 'epci' | 'departement' | 'qpv';

/** A GeoJSON geometry as stored by the reference importers. */
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

export interface ContourSource {
  /** False while the contour layer is not loaded. */
  available(): Promise<boolean>;
  geometries(level: ContourLevel, codes: string[]): Promise<Map<string, Geometry>>;
}

/**
 * Reads the outlines loaded by `odts reference import contours` (table `contour`) and those of the QPV
 * layer. Raw SQL with an existence check: the export must answer « not loaded » on a database where
 * the optional layers have never been created.
 */
export class ContourRepository implements ContourSource {
  constructor(private readonly db: Kysely<DB>) {}

  private async exists(table: 'contour' | 'qpv'): Promise<boolean> {
    const { rows } = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(
      this.db,
    );
    return Boolean(rows[0]?.t);
  }

  async available(): Promise<boolean> {
    if (!(await this.exists('contour'))) return false;
    const { rows } = await sql<{ one: number }>`select 1 as one from contour limit 1`.execute(this.db);
    return rows.length > 0;
  }

  async geometries(level: ContourLevel, codes: string[]): Promise<Map<string, Geometry>> {
    const map = new Map<string, Geometry>();
    if (codes.length === 0) return map;
    const table = level === 'qpv' ? 'qpv' : 'contour';
    if (!(await this.exists(table))) return map;
    const query =
      level === 'qpv'
        ? sql<{ code: string; geometry: string | null }>`
            select code, contour as geometry from qpv where code in (${sql.join(codes)})`
        : sql<{ code: string; geometry: string | null }>`
            select code, geometrie as geometry from contour
            where niveau = ${level} and code in (${sql.join(codes)})`;
    const { rows } = await query.execute(this.db);
    for (const r of rows) {
      if (!r.geometry) continue;
      const g: unknown = typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry;
      if (g && typeof g === 'object') map.set(r.code, g as Geometry);
    }
    return map;
  }
}
