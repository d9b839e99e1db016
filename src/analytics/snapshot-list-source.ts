import {
  filterInMemory,
  type ListEntry,
  type ListPage,
  type ListSource,
  memoryCanAnswer,
} from '../domain/registry/in-memory-list.ts';
import type { DynamicListFilters } from '../domain/registry/list-filters.ts';
import type { CommittedRecord } from '../registry/registry.service.ts';
import { type SnapshotRepository, storedRowOf } from './snapshot.repository.ts';
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

  constructor(
    private readonly cache: SnapshotCache,
    private readonly repo: SnapshotRepository,
  ) {}

  /** The stored records of `refs` at their version, from the snapshot last read (see `CommittedRecords`). */
  readonly committed = (refs: { id: string; version: number }[]): Map<string, CommittedRecord> => {
    const found = new Map<string, CommittedRecord>();
    const snapshot = this.cache.latest();
    if (!snapshot) return found;
    for (const { id, version } of refs) {
      const d = snapshot.byId.get(id);
      const row = d && d.version === version ? storedRowOf.get(d) : undefined;
      if (d && row) found.set(id, { row, communes: d.communes });
    }
    return found;
  };

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
    const out: ListEntry[] = [];
    for (const id of ids) {
      const d = snapshot.byId.get(id);
      if (!d) return null;
      out.push({ d, places: snapshot.placesOf(d) });
    }
    return out;
  }
}
