import type { CatalogueAction } from '../domain/actions/catalogue-action.ts';
import type { ActionSort } from '../domain/actions/schemas.ts';
import { fromRow } from './action.presenter.ts';
import type { ActionRepository } from './action.repository.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const ORDERS: Record<ActionSort, (a: CatalogueAction, b: CatalogueAction) => number> = {
  titre: (a, b) => collator.compare(a.doc.titre, b.doc.titre) || a.id.localeCompare(b.id),
  // Most recent start first, actions without a start date last.
  debut: (a, b) =>
    (b.doc.debut ?? '').localeCompare(a.doc.debut ?? '') || collator.compare(a.doc.titre, b.doc.titre),
  modification: (a, b) => b.modifieLe.localeCompare(a.modifieLe) || a.id.localeCompare(b.id),
};

/**
 * Every action in memory, for search, facets and analyses: 20,000 actions weigh a few MB and are filtered
 * in milliseconds. Before each read the catalogue asks the database for the write counter
 * (`action_generation`) and applies only what changed since: its own writes and those of other servers
 * on the same database show at once. Sorted orders are kept until the next change.
 */
export class ActionCatalogue {
  private readonly byId = new Map<string, CatalogueAction>();
  private generation = -1;
  private orders = new Map<ActionSort, CatalogueAction[]>();
  private refreshing: Promise<void> | null = null;

  constructor(private readonly repo: ActionRepository) {}

  /** The actions as of the last committed write. */
  async actions(): Promise<ReadonlyMap<string, CatalogueAction>> {
    await this.refresh();
    return this.byId;
  }

  /** Every action in the order asked. */
  async sorted(sort: ActionSort): Promise<readonly CatalogueAction[]> {
    await this.refresh();
    let order = this.orders.get(sort);
    if (!order) {
      order = [...this.byId.values()].sort(ORDERS[sort]);
      this.orders.set(sort, order);
    }
    return order;
  }

  private async refresh(): Promise<void> {
    // Concurrent readers share one refresh.
    this.refreshing ??= this.applyChanges().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async applyChanges(): Promise<void> {
    const now = await this.repo.currentGeneration();
    if (now === this.generation) return;
    const changes = await this.repo.changedSince(this.generation);
    for (const id of changes.deleted) this.byId.delete(id);
    for (const row of changes.rows) this.byId.set(row.id, fromRow(row));
    this.generation = changes.generation;
    this.orders = new Map();
  }
}
