import { actionMatcher, countFacets } from '../domain/actions/action-filter.ts';
import type { CatalogueAction } from '../domain/actions/catalogue-action.ts';
import { analyseGrid } from '../domain/actions/grid-analysis.ts';
import type { ActionFilters, ActionSearchQuery, ActionSort } from '../domain/actions/schemas.ts';
import type { Actor } from '../domain/actor.ts';
import { presentAction, todayIso } from './action.presenter.ts';
import type { ActionRepository } from './action.repository.ts';
import type { ActionCatalogue } from './action-catalogue.ts';
import { presentFacets } from './action-facets.ts';

/** Faceted search and grid analyses over the in-memory catalogue. */
export class ActionSearchService {
  private names: Promise<Map<string, string>> | null = null;

  constructor(
    private readonly catalogue: ActionCatalogue,
    private readonly repo: ActionRepository,
  ) {}

  /** The actions matching the filters, in the order asked. */
  async matching(filters: ActionFilters, sort: ActionSort = 'titre'): Promise<CatalogueAction[]> {
    const all = await this.catalogue.sorted(sort);
    return all.filter(actionMatcher(filters, todayIso()));
  }

  async search(_actor: Actor, query: ActionSearchQuery) {
    const today = todayIso();
    const found = await this.matching(query, query.tri);
    const start = (query.page - 1) * query.limit;
    return {
      total: found.length,
      page: query.page,
      limit: query.limit,
      items: found.slice(start, start + query.limit).map((a) => presentAction(a, today)),
      facettes: presentFacets(countFacets(found), await this.areaNames()),
    };
  }

  /** The figures of the 2018 survey's grid over the filtered set. */
  async analyse(_actor: Actor, filters: ActionFilters) {
    const found = await this.matching(filters);
    return analyseGrid(
      found.map((a) => ({ ...a.doc, dynamiques: a.dynamiques })),
      todayIso(),
    );
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
