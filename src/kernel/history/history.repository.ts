import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type HistoryAction =
  | 'creation'
  | 'modification'
  | 'suppression'
  | 'migration_commune'
  | 'annulation'
  | 'restauration';

/** One change of one record, whatever its kind. */
export interface HistoryEntry {
  /** Kind of record (`dynamique`, `notice`…): the kernel never interprets it. */
  entite: string;
  entiteId: string;
  action: HistoryAction;
  auteur: string;
  lot: string | null;
  /** Where the change came from; defaults to `import` inside a change set, `interactif` otherwise. */
  source?: string;
  /** Version the change produced (removed version for a deletion); read from the snapshots when absent. */
  version?: number | null;
  avant: unknown;
  apres: unknown;
}

export interface StoredHistoryEntry {
  id: number;
  entite: string;
  entite_id: string;
  date: Date;
  auteur: string;
  action: string;
  lot: string | null;
  version: number | null;
  source: string;
  avant: unknown;
  apres: unknown;
}

const versionIn = (snapshot: unknown): number | null => {
  const v = (snapshot as { version?: unknown } | null)?.version;
  return typeof v === 'number' ? v : null;
};

function sourceOf(e: HistoryEntry): string {
  if (e.source) return e.source;
  if (e.action === 'annulation') return 'annulation';
  return e.lot ? 'import' : 'interactif';
}

function toRow(e: HistoryEntry) {
  return {
    entite: e.entite,
    entite_id: e.entiteId,
    action: e.action,
    auteur: e.auteur,
    lot: e.lot,
    version: e.version === undefined ? (versionIn(e.apres) ?? versionIn(e.avant)) : e.version,
    source: sourceOf(e),
    avant: e.avant === null ? null : JSON.stringify(e.avant),
    apres: e.apres === null ? null : JSON.stringify(e.apres),
  };
}

/** The append-only change log of every kind of record: the only code that reads or writes `historique`. */
export class HistoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(trx: Transaction<DB>, entry: HistoryEntry): Promise<void> {
    await trx.insertInto('historique').values(toRow(entry)).execute();
  }

  /** Many entries in few statements: an import writes thousands. */
  async recordMany(trx: Transaction<DB>, entries: HistoryEntry[]): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < entries.length; i += CHUNK) {
      await trx
        .insertInto('historique')
        .values(entries.slice(i, i + CHUNK).map(toRow))
        .execute();
    }
  }

  forEntity(entite: string, id: string): Promise<StoredHistoryEntry[]> {
    return this.db
      .selectFrom('historique')
      .selectAll()
      .where('entite', '=', entite)
      .where('entite_id', '=', id)
      .orderBy('id')
      .execute();
  }

  /** The creations and modifications a change set made, in the order they were written. */
  writesOfLot(lot: string): Promise<StoredHistoryEntry[]> {
    return this.db
      .selectFrom('historique')
      .selectAll()
      .where('lot', '=', lot)
      .where('action', 'in', ['creation', 'modification'])
      .orderBy('id')
      .execute();
  }
}
