import { LruMap } from '../lib/lru-map.ts';
import type { Snapshot } from './snapshot.ts';

interface Kept<T> {
  snapshot: Snapshot;
  resources: number;
  value: T;
}

/**
 * Territory profiles answered again while nothing they read has moved: the same registry snapshot (a
 * new one is made after every write or reference load) and the same resource generation. A région's
 * profile gathers 1,200 records and weighs half a megabyte; repeated calls (the map, the profile page,
 * its downloads) no longer rebuild it. Least recently used first out.
 */
export class ProfileCache<T> {
  private readonly entries: LruMap<string, Kept<T>>;

  constructor(capacity = 256) {
    this.entries = new LruMap(capacity);
  }

  get(key: string, snapshot: Snapshot, resources: number): T | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    if (kept.snapshot === snapshot && kept.resources === resources) return kept.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, snapshot: Snapshot, resources: number, value: T) {
    this.entries.set(key, { snapshot, resources, value });
  }
}
