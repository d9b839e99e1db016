import type { Actor } from '../domain/actor.ts';
import type { DeclaredCountQuery } from '../domain/registry/declared-counts.ts';
import type { DeclaredCountRepository } from './declared-counts.repository.ts';

/** Published totals (e.g. "27 ASV en Auvergne-Rhône-Alpes en mars 2018"), public like the registry. */
export class DeclaredCountService {
  constructor(private readonly repo: DeclaredCountRepository) {}

  async list(_actor: Actor, query: DeclaredCountQuery) {
    const items = await this.repo.list(query);
    return { total: items.length, items };
  }
}
