import type { Actor } from '../domain/actor.ts';
import { excerpt, foldedWords } from '../domain/resources/highlight.ts';
import { matchedLexemes, type ResolvedPlan, resolvePlan } from '../domain/resources/index-query.ts';
import { type IndexFilters, type IndexResult, searchIndex } from '../domain/resources/index-search.ts';
import { NoticeIndex } from '../domain/resources/notice-index.ts';
import type { NoticeSearchQuery } from '../domain/resources/schemas.ts';
import { parseQuery, planTokens } from '../domain/resources/search-query.ts';
import {
  type LinkedNotice,
  type PresentedNotice,
  presentFacets,
  presentLinked,
  presentNotice,
} from './notice.presenter.ts';
import type { NoticeRepository, NoticeRow } from './notice.repository.ts';
import type { NoticeIndexRepository } from './notice-index.repository.ts';

export type NoticeFilters = Omit<NoticeSearchQuery, 'page' | 'limit'>;

const STEM_CACHE_LIMIT = 100_000;
/** Writes of other servers become visible to this one's searches within this delay. */
const FRESHNESS_MS = 250;
const DOCUMENT_CACHE_LIMIT = 2_000;
const byTitle = new Intl.Collator('fr');

/**
 * French full-text search over an in-memory index built from the notices' tsvectors: the database
 * stems (to_tsvector 'french' over unaccented text), the index matches, ranks and counts facets in a
 * few milliseconds. Before a search the write counter is read (at once after a write of this process,
 * else at most every FRESHNESS_MS) and what changed since is applied: a server sees the writes of every
 * other server.
 */
export class NoticeSearchService {
  private index: NoticeIndex | null = null;
  private known = -1;
  private requests = 0;
  private inflight: { promise: Promise<NoticeIndex>; covers: number } | null = null;
  private readonly stemCache = new Map<string, string | null>();
  /** Documents of recent results, by id, with the generation they were read at. */
  private readonly documents = new Map<string, { generation: number; row: NoticeRow }>();
  private checkedAt = 0;
  private changed = true;

  constructor(
    private readonly source: NoticeIndexRepository,
    private readonly notices: NoticeRepository,
  ) {}

  /** Builds the index now (at start-up) rather than on the first search. */
  async warm(): Promise<void> {
    await this.current();
  }

  /** A write through this process: the next search must see it. */
  markChanged(): void {
    this.changed = true;
  }

  /**
   * The index with every write of this process applied, and those of other processes committed more
   * than FRESHNESS_MS ago.
   */
  private async current(atLeast?: number): Promise<NoticeIndex> {
    if (this.index && !this.changed) {
      // A caller that read the generation itself needs the index at it, no fresher.
      if (atLeast !== undefined ? this.known >= atLeast : Date.now() - this.checkedAt < FRESHNESS_MS)
        return this.index;
    }
    this.changed = false;
    const ticket = ++this.requests;
    for (;;) {
      const running = this.inflight;
      if (running) {
        const index = await running.promise;
        // A refresh that started after this call saw everything this call must see.
        if (running.covers >= ticket) return index;
        continue;
      }
      const promise = this.refresh().catch((error: unknown) => {
        // Unknown state: the next search checks again instead of trusting the index for a while.
        this.changed = true;
        throw error;
      });
      const entry = { promise, covers: this.requests };
      this.inflight = entry;
      try {
        return await promise;
      } finally {
        if (this.inflight === entry) this.inflight = null;
      }
    }
  }

  private async refresh(): Promise<NoticeIndex> {
    this.checkedAt = Date.now();
    const generation = await this.notices.currentGeneration();
    if (this.index && !this.index.needsRebuild) {
      if (generation === this.known) return this.index;
      const [rows, deletions] = [
        await this.source.rowsSince(this.known),
        await this.source.deletionsSince(this.known),
      ];
      const changes = [
        ...rows.map((r) => ({ generation: r.generation, apply: (i: NoticeIndex) => i.upsert(r) })),
        ...deletions.map((d) => ({
          generation: d.generation,
          apply: (i: NoticeIndex) => i.remove(d.id, d.generation),
        })),
      ].sort((a, b) => a.generation - b.generation);
      for (const c of changes) c.apply(this.index);
      this.known = generation;
      return this.index;
    }
    const index = new NoticeIndex();
    for (const row of await this.source.rowsSince(-1)) index.upsert(row);
    this.index = index;
    this.known = generation;
    return index;
  }

  private async stems(tokens: string[]): Promise<Map<string, string | null>> {
    const missing = tokens.filter((t) => !this.stemCache.has(t));
    if (missing.length > 0) {
      if (this.stemCache.size + missing.length > STEM_CACHE_LIMIT) this.stemCache.clear();
      for (const [t, lexeme] of await this.source.stems(missing)) this.stemCache.set(t, lexeme);
    }
    return new Map(tokens.map((t) => [t, this.stemCache.get(t) ?? null]));
  }

  private async plan(index: NoticeIndex, q: string | undefined): Promise<ResolvedPlan> {
    const parsed = parseQuery(q ?? '');
    return resolvePlan(parsed, index, await this.stems(planTokens(parsed)));
  }

  private async run(filters: NoticeFilters, window: { offset: number; limit: number }) {
    const index = await this.current();
    const plan = await this.plan(index, filters.q);
    const indexFilters: IndexFilters = {
      types: filters.type ?? [],
      dispositifs: filters.dispositif ?? [],
      themes: filters.theme ?? [],
      publics: filters.public ?? [],
      anneeMin: filters.anneeMin ?? null,
      anneeMax: filters.anneeMax ?? null,
      links: [
        ...(filters.dynamique ? [`d:${filters.dynamique}`] : []),
        ...(filters.territoire ? [`t:${filters.territoire.type}:${filters.territoire.code}`] : []),
      ],
    };
    const result: IndexResult = searchIndex(index, plan, indexFilters, filters.tri, window);
    return { index, plan, result, ids: result.slots.map((s) => index.ids[s] as string) };
  }

  async search(_actor: Actor, query: NoticeSearchQuery) {
    const { index, plan, result, ids } = await this.run(query, {
      offset: (query.page - 1) * query.limit,
      limit: query.limit,
    });
    const rows = await this.rowsInOrder(index, ids);
    const highlight = await this.highlighter(rows, matchedLexemes(plan, index));
    return {
      total: result.total,
      page: query.page,
      limit: query.limit,
      items: rows.map((row) => {
        const n = presentNotice(row);
        return {
          id: n.id,
          type: n.type,
          sousType: n.sousType,
          titre: n.titre,
          auteurs: n.auteurs,
          date: n.date,
          annee: n.annee,
          url: n.url,
          dispositifs: n.dispositifs,
          extrait: highlight(n),
        };
      }),
      facettes: presentFacets(result.facets),
    };
  }

  /** Ids of every matching notice in the requested order (exports), at most `limit`. */
  async matchingIds(filters: NoticeFilters, limit: number): Promise<{ total: number; ids: string[] }> {
    const { result, ids } = await this.run(filters, { offset: 0, limit });
    return { total: result.total, ids };
  }

  /**
   * Notices linked to any of these territories or dynamics, most recent first then by title, at most
   * `limit`, read from the index (no query when their documents were read lately). `via` says whether
   * the link is to a territory or to a dynamic (a notice linked both ways counts as a territory's).
   * `generation`: the notice generation the caller read; the index is brought at least to it.
   */
  async linkedTo(
    _actor: Actor,
    q: { territories: { type: string; code: string }[]; dynamics: string[] },
    limit: number,
    generation?: number,
  ): Promise<LinkedNotice[]> {
    const index = await this.current(generation);
    const via = new Map<number, 'territoire' | 'dynamique'>();
    for (const d of q.dynamics) for (const slot of index.slotsLinkedTo(`d:${d}`)) via.set(slot, 'dynamique');
    for (const t of q.territories)
      for (const slot of index.slotsLinkedTo(`t:${t.type}:${t.code}`)) via.set(slot, 'territoire');
    if (via.size === 0) return [];
    const year = (slot: number) => index.years[slot] as number; // −1 when unknown: last
    const byYear = [...via.keys()].sort((a, b) => year(b) - year(a));
    // Titles order the notices of one year: only those down to the year of the last one kept are read.
    const lastYear = year(byYear[Math.min(limit, byYear.length) - 1] as number);
    const candidates = byYear.filter((slot) => year(slot) >= lastYear);
    const rows = await this.rowsInOrder(
      index,
      candidates.map((slot) => index.ids[slot] as string),
    );
    const yearOf = new Map(candidates.map((slot) => [index.ids[slot] as string, year(slot)]));
    const viaOf = new Map(candidates.map((slot) => [index.ids[slot] as string, via.get(slot)]));
    return rows
      .map((row) => ({ row, n: presentNotice(row) }))
      .sort(
        (a, b) =>
          (yearOf.get(b.row.id) as number) - (yearOf.get(a.row.id) as number) ||
          byTitle.compare(a.n.titre, b.n.titre),
      )
      .slice(0, limit)
      .map(({ row, n }) => presentLinked(n, viaOf.get(row.id) ?? 'dynamique'));
  }

  /** The documents of a page of results; those read at the generation the index holds are reused. */
  private async rowsInOrder(index: NoticeIndex, ids: string[]): Promise<NoticeRow[]> {
    const fresh = (id: string) => {
      const cached = this.documents.get(id);
      return cached && cached.generation === index.generationOf(id) ? cached.row : undefined;
    };
    const found = new Map<string, NoticeRow>();
    for (const id of ids) {
      const row = fresh(id);
      if (row) found.set(id, row);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      if (this.documents.size + missing.length > DOCUMENT_CACHE_LIMIT) this.documents.clear();
      for (const row of await this.notices.findByIds(missing)) {
        found.set(row.id, row);
        this.documents.set(row.id, { generation: index.generationOf(row.id), row });
      }
    }
    // A notice deleted since the index was read is simply left out.
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** Excerpt of the abstract (else the title) around the matching words, HTML-escaped, with <mark>. */
  private async highlighter(rows: NoticeRow[], lexemes: Set<string>) {
    const texts = rows.flatMap((r) => {
      const n = r.document as { titre: string; resume: string | null };
      return [n.titre, n.resume ?? ''];
    });
    const stems = lexemes.size > 0 ? await this.stems([...new Set(texts.flatMap(foldedWords))]) : new Map();
    const isMatch = (folded: string) => {
      const stem = stems.get(folded);
      return stem !== undefined && stem !== null && lexemes.has(stem);
    };
    return (n: PresentedNotice): string | null => {
      for (const text of [n.resume, n.titre]) {
        if (!text) continue;
        const e = excerpt(text, isMatch);
        if (e.marked) return e.html;
      }
      return n.resume ? excerpt(n.resume, () => false).html : null;
    };
  }
}
