import { LruMap } from '../lib/lru-map.ts';
import type { PresentedDynamic } from './registry.presenter.ts';

/**
 * Presented records kept by (id, version, reading date, today, reader kind), least recently used first out.
 * A write bumps the version, so an old entry is never served for a newer record: it just ages out.
 * Territory profiles of a région list 1,000+ records; reading and presenting them each time took most of
 * the request.
 */
export class PresentedCache {
  private readonly entries: LruMap<string, PresentedDynamic>;

  constructor(capacity = 20_000) {
    this.entries = new LruMap(capacity);
  }

  static key(id: string, version: number, date: string, today: string, identified: boolean): string {
    return `${id}|${version}|${date}|${today}|${identified ? 'i' : 'a'}`;
  }

  get(key: string): PresentedDynamic | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PresentedDynamic) {
    this.entries.set(key, value);
  }
}
