import type { PresentedDynamic } from './registry.presenter.ts';

/**
 * Presented records kept by (id, version, reading date, today, reader kind), least recently used first out.
 * A write bumps the version, so an old entry is never served for a newer record: it just ages out.
 * Territory profiles of a région list 1,000+ records; reading and presenting them each time took most of
 * the request.
 */
export class PresentedCache {
  private readonly entries = new Map<string, PresentedDynamic>();

  constructor(private readonly capacity = 20_000) {}

  static key(id: string, version: number, date: string, today: string, identified: boolean): string {
    return `${id}|${version}|${date}|${today}|${identified ? 'i' : 'a'}`;
  }

  get(key: string): PresentedDynamic | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: PresentedDynamic) {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
