import type { Actor } from '../../domain/actor.ts';
import type { AuditQuery } from '../../domain/kernel/audit.ts';
import { presentHistoryEntry } from './history.presenter.ts';
import type { HistoryRepository } from './history.repository.ts';

/**
 * The audit log: every change of every record, filtered by author, kind, record, source and dates. Who may
 * read it is decided at the route (audit permission); snapshots are shown whole, as the audit's readers
 * are trusted roles.
 */
export class AuditService {
  constructor(private readonly history: HistoryRepository) {}

  async search(_actor: Actor, q: AuditQuery) {
    const { total, rows } = await this.history.search({
      ...q,
      offset: (q.page - 1) * q.limit,
      limit: q.limit,
    });
    return {
      total,
      page: q.page,
      limit: q.limit,
      items: rows.map((e) => ({
        id: e.id,
        entite: e.entite,
        entiteId: e.entite_id,
        ...presentHistoryEntry(e),
      })),
    };
  }
}
