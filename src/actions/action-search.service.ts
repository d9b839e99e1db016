import type { CatalogueAction } from '../domain/actions/catalogue-action.ts';
import { analyseGrid, type GridAnalysis } from '../domain/actions/grid-analysis.ts';
import type { ActionFilters, ActionSearchQuery, ActionSort } from '../domain/actions/schemas.ts';
import type { Actor } from '../domain/actor.ts';
import { LruMap } from '../lib/lru-map.ts';
import { presentAction, todayIso } from './action.presenter.ts';
import type { ActionRepository } from './action.repository.ts';
import type { ActionCatalogue } from './action-catalogue.ts';
import { presentFacets } from './action-facets.ts';

/** Filters as a stable key (names sorted), for the answers kept until the next write. */
const keyOf = (filters: object) =>
  JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Faceted search and grid analyses over the in-memory catalogue. */
export class ActionSearchService {
  private names: Promise<Map<string, string>> | null = null;
  /** Analyses by generation, day and filters: the same figures are asked again by every page view. */
  private readonly analyses = new LruMap<string, GridAnalysis>(200);

  constructor(
    private readonly catalogue: ActionCatalogue,
    private readonly repo: ActionRepository,
  ) {}

  /** The actions matching the filters, in the order asked. */
  async matching(filters: ActionFilters, sort: ActionSort = 'titre'): Promise<CatalogueAction[]> {
    const { index } = await this.catalogue.index();
    return index.members(index.search(filters, todayIso()), sort);
  }

  async search(_actor: Actor, query: ActionSearchQuery) {
    const today = todayIso();
    const { index } = await this.catalogue.index();
    const found = index.search(query, today);
    return {
      total: index.count(found),
      page: query.page,
      limit: query.limit,
      items: index
        .page(found, query.tri, (query.page - 1) * query.limit, query.limit)
        .map((a) => presentAction(a, today)),
      facettes: presentFacets(index.facets(found), await this.areaNames()),
    };
  }

  /** The figures of the 2018 survey's grid over the filtered set. */
  async analyse(_actor: Actor, filters: ActionFilters): Promise<GridAnalysis> {
    const today = todayIso();
    const { index, generation } = await this.catalogue.index();
    const key = `${generation}|${today}|${keyOf(filters)}`;
    const kept = this.analyses.get(key);
    if (kept) return kept;
    const found = index.search(filters, today);
    const result = analyseGrid(
      index.members(found).map((a) => a.grid),
      today,
    );
    this.analyses.set(key, result);
    return result;
  }

  /** Names of régions and départements, read once (they change with the reference only, rarely). */
  private areaNames(): Promise<Map<string, string>> {
    this.names ??= this.repo.areaNames().catch((e) => {
      this.names = null;
      throw e;
    });
    return this.names;
  }
}
