import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface NoticePair {
  a: string;
  b: string;
  /** Why the two look alike: same DOI, same address, or close titles. */
  motif: 'doi' | 'url' | 'titre';
  /** Similarity of the folded titles, 0..1. */
  similarite: number;
}

/** Pairs of stored notices that may describe the same document (the only SQL of the merge). */
export class NoticePairsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Same DOI, same address, or folded titles at least `minimum` alike (pg_trgm, its GIN index on
   * `titre_cle` answering `%`); each pair once, the likeliest first. Years are not compared: a reprint
   * or a law cited with its article is exactly what a documentalist wants to see here.
   */
  async candidates(minimum: number, limit: number): Promise<NoticePair[]> {
    const rows = await sql<{ a: string; b: string; motif: NoticePair['motif']; similarite: number }>`
      with pairs as (
        select a.id as a, b.id as b, 'doi' as motif, similarity(a.titre_cle, b.titre_cle) as similarite, 0 as rang
          from notice a join notice b on a.doi = b.doi and a.id < b.id
        union all
        select a.id, b.id, 'url', similarity(a.titre_cle, b.titre_cle), 1
          from notice a join notice b on a.url_cle = b.url_cle and a.id < b.id
        union all
        select a.id, b.id, 'titre', similarity(a.titre_cle, b.titre_cle), 2
          from notice a join notice b on a.titre_cle % b.titre_cle and a.id < b.id
         where similarity(a.titre_cle, b.titre_cle) >= ${minimum}
      )
      select distinct on (a, b) a, b, motif, similarite from pairs order by a, b, rang`.execute(this.db);
    return rows.rows
      .map((r) => ({ ...r, similarite: Math.round(Number(r.similarite) * 100) / 100 }))
      .sort((x, y) => rankOf(x) - rankOf(y) || y.similarite - x.similarite || (x.a < y.a ? -1 : 1))
      .slice(0, limit);
  }
}

const rankOf = (p: NoticePair) => (p.motif === 'titre' ? 1 : 0);
