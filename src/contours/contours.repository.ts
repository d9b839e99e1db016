import { type Kysely, sql } from 'kysely';
import type { ContourLevel, DB } from '../db/schema.ts';

export interface ContourFilter {
  region?: string | undefined;
  departement?: string | undefined;
}

/** Read access to the contour layer for the map endpoint. */
export class ContoursRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** When the layer was last loaded (null: never), to tag responses for caches. */
  async loadedAt(layer: 'contours' | 'qpv' = 'contours'): Promise<Date | null> {
    const row = await this.db
      .selectFrom('reference_layer')
      .select('loaded_at')
      .where('layer', '=', layer)
      .executeTakeFirst();
    return row?.loaded_at ?? null;
  }

  /** QPV of a région or a département, with their own perimeter when the source had one. */
  qpvRows(filter: ContourFilter) {
    return this.db
      .selectFrom('qpv as q')
      .innerJoin('departement as d', 'd.code', 'q.departement')
      .select(['q.code', 'q.nom', 'q.population', 'q.departement', 'd.region', 'q.contour'])
      .$if(Boolean(filter.region), (q) => q.where('d.region', '=', filter.region as string))
      .$if(Boolean(filter.departement), (q) => q.where('q.departement', '=', filter.departement as string))
      .orderBy('q.code')
      .execute();
  }

  /** The communes each of these QPV lies in, with the commune's stored geometry. */
  async qpvCommuneGeometries(codes: string[]): Promise<{ qpv: string; geometrie: string }[]> {
    if (codes.length === 0) return [];
    return this.db
      .selectFrom('qpv_commune as qc')
      .innerJoin('contour as c', (j) => j.onRef('c.code', '=', 'qc.commune').on('c.niveau', '=', 'commune'))
      .select(['qc.qpv', 'c.geometrie'])
      .where('qc.qpv', 'in', codes)
      .orderBy('qc.qpv')
      .orderBy('qc.commune')
      .execute();
  }

  async hasLevel(niveau: ContourLevel): Promise<boolean> {
    const row = await this.db
      .selectFrom('contour')
      .select('code')
      .where('niveau', '=', niveau)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async regionExists(code: string): Promise<boolean> {
    return (
      (await this.db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst()) !==
      undefined
    );
  }

  async departementExists(code: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('departement')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Array containment (@>) so that the GIN indexes on départements and régions serve the filter. */
  rows(niveau: ContourLevel, filter: ContourFilter) {
    return this.db
      .selectFrom('contour')
      .select(['code', 'nom', 'departements', 'regions', 'geometrie'])
      .where('niveau', '=', niveau)
      .$if(Boolean(filter.region), (q) => q.where(sql<boolean>`regions @> array[${filter.region}]::text[]`))
      .$if(Boolean(filter.departement), (q) =>
        q.where(sql<boolean>`departements @> array[${filter.departement}]::text[]`),
      )
      .orderBy('code')
      .execute();
  }
}
