import { ActionIndex } from '../domain/actions/action-index.ts';
import type { CatalogueAction } from '../domain/actions/catalogue-action.ts';
import { fromRow } from './action.presenter.ts';
import type { ActionRepository } from './action.repository.ts';

/**
 * Every action in memory, for search, facets and analyses: 20,000 actions weigh a few MB and are filtered
 * in milliseconds. Before each read the catalogue asks the database for the write counter
 * (`action_generation`) and applies only what changed since: its own writes and those of other servers
 * on the same database show at once. The index of a version is built on its first read.
 */
export class ActionCatalogue {
  private readonly byId = new Map<string, CatalogueAction>();
  private generation = -1;
  private current: ActionIndex | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly repo: ActionRepository) {}

  /** The index of the actions as of the last committed write, and that write's generation. */
  async index(): Promise<{ index: ActionIndex; generation: number }> {
    // Concurrent readers share one refresh.
    this.refreshing ??= this.applyChanges().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    this.current ??= new ActionIndex([...this.byId.values()]);
    return { index: this.current, generation: this.generation };
  }

  private async applyChanges(): Promise<void> {
    const now = await this.repo.currentGeneration();
    if (now === this.generation) return;
    const changes = await this.repo.changedSince(this.generation);
    for (const id of changes.deleted) this.byId.delete(id);
    for (const row of changes.rows) this.byId.set(row.id, fromRow(row));
    this.generation = changes.generation;
    this.current = null;
  }
}
