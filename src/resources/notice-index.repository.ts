import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { IndexedNotice } from '../domain/resources/notice-index.ts';

const codes = (joined: string) => (joined ? joined.split(',') : []);

/** Reads what the in-memory search index needs, and asks the database to stem words. */
export class NoticeIndexRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Notices written after `generation` (all of them for −1), with their tsvector and links. */
  async rowsSince(generation: number): Promise<IndexedNotice[]> {
    const links = await this.linksSince(generation);
    // One sequential scan: paging in id order would visit the table through its index, far slower.
    const rows = await this.db
      .selectFrom('notice')
      .select([
        'id',
        'generation',
        'type',
        'annee',
        'date_publication',
        // Codes joined in SQL: reading text[] values costs more than splitting a string here.
        sql<string>`array_to_string(dispositifs, ',')`.as('dispositifs'),
        sql<string>`array_to_string(themes, ',')`.as('themes'),
        sql<string>`array_to_string(publics, ',')`.as('publics'),
        sql<string>`recherche::text`.as('recherche'),
      ])
      // Everything at start-up: without the condition the table is read sequentially.
      .$if(generation >= 0, (q) => q.where('generation', '>', generation))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      generation: Number(r.generation),
      type: r.type,
      annee: r.annee,
      date: r.date_publication,
      dispositifs: codes(r.dispositifs),
      themes: codes(r.themes),
      publics: codes(r.publics),
      dynamiques: links.dynamics.get(r.id) ?? [],
      territoires: links.territories.get(r.id) ?? [],
      tsvector: r.recherche,
    }));
  }

  /** Links of the notices written after `generation`, by notice. */
  private async linksSince(generation: number) {
    const dynamics = new Map<string, string[]>();
    const territories = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, id: string, value: string) => {
      const list = map.get(id);
      if (list) list.push(value);
      else map.set(id, [value]);
    };
    const d = await this.db
      .selectFrom('notice_dynamique as l')
      .innerJoin('notice as n', 'n.id', 'l.notice')
      .select(['l.notice', 'l.dynamique'])
      .where('n.generation', '>', generation)
      .execute();
    for (const r of d) add(dynamics, r.notice, r.dynamique);
    const t = await this.db
      .selectFrom('notice_territoire as l')
      .innerJoin('notice as n', 'n.id', 'l.notice')
      .select(['l.notice', 'l.type', 'l.code'])
      .where('n.generation', '>', generation)
      .execute();
    for (const r of t) add(territories, r.notice, `${r.type}:${r.code}`);
    return { dynamics, territories };
  }

  deletionsSince(generation: number): Promise<{ id: string; generation: number }[]> {
    return this.db
      .selectFrom('notice_suppression')
      .select(['id', 'generation'])
      .where('generation', '>', generation)
      .execute();
  }

  /** The lexeme the French configuration gives each folded word (null for a stop word). */
  async stems(tokens: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    if (tokens.length === 0) return out;
    const { rows } = await sql<{ token: string; lexeme: string | null }>`
      select t.value as token,
        (select v.lexeme from unnest(to_tsvector('french', t.value)) as v limit 1) as lexeme
      from json_array_elements_text(${JSON.stringify(tokens)}::json) as t`.execute(this.db);
    for (const r of rows) out.set(r.token, r.lexeme);
    return out;
  }
}
