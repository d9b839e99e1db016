import type { AnalyticDynamic } from '../domain/analytics/model.ts';
import {
  type DynamicPlaces,
  filterInMemory,
  type ListEntry,
  type ListPage,
  type ListSource,
  memoryCanAnswer,
  placesOf,
} from '../registry/in-memory-list.ts';
import type { DynamicListFilters } from '../registry/registry.filters.ts';
import type { SnapshotRepository } from './snapshot.repository.ts';
import type { Snapshot, SnapshotCache } from './snapshot.ts';

type Sort = DynamicListFilters['tri'];

/**
 * Registry lists answered from the analytics snapshot, which is kept current after every write. The
 * database still gives the order (one id list per sort and per snapshot) so that names sort by its
 * collation, exactly as the SQL list does.
 */
export class SnapshotListSource implements ListSource {
  /** Per snapshot and sort: every record in the database's order, with its places. */
  private readonly entries = new WeakMap<Snapshot, Map<Sort, Promise<ListEntry[] | null>>>();
  /**
   * Places per record object: a patched snapshot keeps the objects of unchanged records, so only written
   * records are placed again. Reset when the reference (the commune map) is read again.
   */
  private places = new WeakMap<AnalyticDynamic, DynamicPlaces>();
  private placesFor: Snapshot['communes'] | null = null;

  constructor(
    private readonly cache: SnapshotCache,
    private readonly repo: SnapshotRepository,
  ) {}

  async list(f: DynamicListFilters): Promise<ListPage | null> {
    if (!memoryCanAnswer(f)) return null;
    const snapshot = await this.cache.get();
    const entries = await this.entriesOf(snapshot, f.tri);
    return entries ? filterInMemory(entries, f) : null;
  }

  private entriesOf(snapshot: Snapshot, tri: Sort): Promise<ListEntry[] | null> {
    let bySort = this.entries.get(snapshot);
    if (!bySort) {
      bySort = new Map();
      this.entries.set(snapshot, bySort);
    }
    let entries = bySort.get(tri);
    if (!entries) {
      const forSnapshot = bySort;
      entries = this.repo.listOrder(tri).then((ids) => {
        const ordered = this.arrange(snapshot, ids);
        // A write between the snapshot and the order query: the database answers, and the next list retries.
        if (!ordered) forSnapshot.delete(tri);
        return ordered;
      });
      bySort.set(tri, entries);
    }
    return entries;
  }

  private arrange(snapshot: Snapshot, ids: string[]): ListEntry[] | null {
    if (ids.length !== snapshot.byId.size) return null;
    if (this.placesFor !== snapshot.communes) {
      this.places = new WeakMap();
      this.placesFor = snapshot.communes;
    }
    const place = (code: string) => snapshot.communes.get(code);
    const out: ListEntry[] = [];
    for (const id of ids) {
      const d = snapshot.byId.get(id);
      if (!d) return null;
      let places = this.places.get(d);
      if (!places) {
        places = placesOf(d.communes, place);
        this.places.set(d, places);
      }
      out.push({ d, places });
    }
    return out;
  }
}
