import type { Actor } from '../domain/actor.ts';
import type { QpvInfo } from '../domain/analytics/qpv-coverage.ts';
import { notFound } from '../domain/errors.ts';
import type { QpvListQuery, QpvListResult } from '../domain/territories/qpv-list.ts';
import type { TerritoryDetail, TerritorySearchQuery } from '../domain/territories/schemas.ts';
import { buildTerritoryIndex } from '../domain/territories/territory-index.ts';
import { TerritoryTree } from '../domain/territories/territory-tree.ts';
import {
  TERRITORY_TYPE_LABELS,
  type TerritoryEntry,
  type TerritoryType,
} from '../domain/territories/types.ts';
import type { SearchIndex } from '../domain/text/search-index.ts';
import type { TerritoryRepository } from './territory.repository.ts';

/** How often a running server checks whether the reference was re-imported by another process. */
const STALE_CHECK_MS = 30_000;

export class TerritoryService {
  private index: SearchIndex<TerritoryEntry> | null = null;
  private tree: TerritoryTree | null = null;
  private indexStamp = '';
  private checkedAt = 0;
  private building: Promise<SearchIndex<TerritoryEntry>> | null = null;

  constructor(private readonly repo: TerritoryRepository) {}

  /** Builds the search index now (at start-up) rather than on the first query. */
  async warm(): Promise<void> {
    await this.currentIndex();
  }

  /** Forget the index, e.g. after a reference import in this process. */
  invalidate(): void {
    this.index = null;
    this.checkedAt = 0;
  }

  async search(_actor: Actor, query: TerritorySearchQuery) {
    const index = await this.currentIndex();
    const filter = query.type ? (t: TerritoryEntry) => t.type === query.type : undefined;
    const hits = index.search(query.q, { limit: query.limit, ...(filter ? { filter } : {}) });
    return hits.map((h) => h.entry);
  }

  /** The QPV of a département with their communes (empty when the QPV layer is not loaded). */
  async qpvOfDepartement(_actor: Actor, query: QpvListQuery): Promise<QpvListResult> {
    const rows = await this.repo.qpvOfDepartement(query.departement);
    const items = new Map<string, QpvListResult['items'][number]>();
    for (const r of rows) {
      const q = items.get(r.code) ?? {
        code: r.code,
        nom: r.nom,
        population: r.population,
        communes: [],
        contour: Boolean(r.hasContour),
      };
      q.communes.push(r.commune);
      items.set(r.code, q);
    }
    return {
      departement: query.departement,
      generation: rows[0]?.generation ?? null,
      items: [...items.values()],
    };
  }

  /** Answered from the in-memory tree built with the search index (the reference fits in a few MB). */
  async detail(_actor: Actor, type: TerritoryType, code: string): Promise<TerritoryDetail> {
    await this.currentIndex();
    const found = this.tree?.detail(type, code);
    if (!found)
      throw notFound(`Aucun territoire de type ${TERRITORY_TYPE_LABELS[type]} avec le code « ${code} »`);
    return found;
  }

  /** Whether a QPV layer is loaded (a territory with no QPV then really has none). */
  async hasQpv(_actor: Actor): Promise<boolean> {
    await this.currentIndex();
    return (this.tree?.qpvCount ?? 0) > 0;
  }

  /** QPV lying in these communes, or the one QPV asked (`only`), with their communes and population. */
  async qpvOf(_actor: Actor, communes: readonly string[], only?: string): Promise<QpvInfo[]> {
    await this.currentIndex();
    if (!this.tree) return [];
    if (only !== undefined) {
      const one = this.tree.qpv(only);
      return one ? [one] : [];
    }
    return this.tree.qpvIn(communes);
  }

  private async currentIndex(): Promise<SearchIndex<TerritoryEntry>> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < STALE_CHECK_MS) return this.index;
    this.checkedAt = now;
    const stamp = await this.repo.referenceStamp();
    if (this.index && stamp === this.indexStamp) return this.index;
    this.building ??= Promise.all([this.repo.listEntries(), this.repo.qpvLinks()]).then(
      ([entries, links]) => {
        this.index = buildTerritoryIndex(entries);
        this.tree = new TerritoryTree(entries, links);
        this.indexStamp = stamp;
        this.building = null;
        return this.index;
      },
    );
    return this.building;
  }
}
