import type { StoredHistoryEntry } from './history.repository.ts';

/** One history item, the same for every kind of record (API: `GET /api/…/{id}/historique`). */
export interface PresentedHistoryEntry {
  date: string;
  auteur: string;
  action: string;
  version: number | null;
  source: string;
  lot: string | null;
  avant: unknown;
  apres: unknown;
}

/**
 * Presents a record's history. `hide` lets the owning module mask what the reader may not see in a
 * snapshot (contacts without consent, for instance) without the kernel knowing what a snapshot holds.
 */
export function presentHistory(
  entries: StoredHistoryEntry[],
  hide: (snapshot: unknown) => unknown = (s) => s,
): { total: number; items: PresentedHistoryEntry[] } {
  const items = entries.map((e) => presentHistoryEntry(e, hide));
  return { total: items.length, items };
}

/** One stored entry in the API's history shape (also the body of each audit item). */
export function presentHistoryEntry(
  e: StoredHistoryEntry,
  hide: (snapshot: unknown) => unknown = (s) => s,
): PresentedHistoryEntry {
  return {
    date: e.date.toISOString(),
    auteur: e.auteur,
    action: e.action,
    version: e.version,
    source: e.source,
    lot: e.lot,
    avant: e.avant === null ? null : hide(e.avant),
    apres: e.apres === null ? null : hide(e.apres),
  };
}
