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
  private readonly entries = new Map<string, Kept<T>>();

  constructor(private readonly capacity = 256) {}

  get(key: string, snapshot: Snapshot, resources: number): T | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.entries.delete(key);
    if (kept.snapshot !== snapshot || kept.resources !== resources) return undefined;
    this.entries.set(key, kept);
    return kept.value;
  }

  set(key: string, snapshot: Snapshot, resources: number, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { snapshot, resources, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
