import type { Actor } from '../domain/actor.ts';
import type { DeclaredCount, DeclaredCountQuery } from '../domain/registry/declared-counts.ts';
import type { DeclaredCountRepository } from './declared-counts.repository.ts';

/** Published totals (e.g. "27 ASV en Auvergne-Rhône-Alpes en mars 2018"), public like the registry. */
export class DeclaredCountService {
  constructor(private readonly repo: DeclaredCountRepository) {}

  async list(_actor: Actor, query: DeclaredCountQuery) {
    const items = await this.repo.list(query);
    return { total: items.length, items };
  }

  /**
   * Records the figures a source establishes, replacing what the same source said before (a census
   * campaign's tally recorded again). Callers check their own permission: this writes what it is given.
   */
  replaceSource(source: string, rows: DeclaredCount[]): Promise<void> {
    return this.repo.replaceSource(source, rows);
  }
}
