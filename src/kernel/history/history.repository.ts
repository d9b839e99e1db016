import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';

export type HistoryAction =
  | 'creation'
  | 'modification'
  | 'suppression'
  | 'migration_commune'
  | 'annulation'
  | 'restauration'
  /** Two records describing one thing merged: the one kept changed, the other deleted. */
  | 'fusion'
  /** Personal data erased on request (RGPD): the record stays, anonymised. */
  | 'effacement';

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
    const CHUNK = 500;
    for (let i = 0; i < entries.length; i += CHUNK) {
      if (i > 0) await yieldToEventLoop();
      await trx
        .insertInto('historique')
        .values(entries.slice(i, i + CHUNK).map(toRow))
        .execute();
    }
  }

  /** `trx`: read inside the caller's transaction (PGlite has one connection: outside reads would wait). */
  forEntity(entite: string, id: string, trx?: Transaction<DB>): Promise<StoredHistoryEntry[]> {
    return (trx ?? this.db)
      .selectFrom('historique')
      .selectAll()
      .where('entite', '=', entite)
      .where('entite_id', '=', id)
      .orderBy('id')
      .execute();
  }

  /**
   * The creations and modifications a change set made, in the order they were written; read a page at a
   * time (a change set can hold 20,000 writes, and PGlite runs each query without a pause).
   */
  async writesOfLot(lot: string): Promise<StoredHistoryEntry[]> {
    const PAGE = 1000;
    // The ids first (narrow rows), then the entries by id: paging on the lot itself read every wide row
    // of the lot again for each page.
    const ids = (
      await this.db
        .selectFrom('historique')
        .select('id')
        .where('lot', '=', lot)
        .where('action', 'in', ['creation', 'modification'])
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const out: StoredHistoryEntry[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      await yieldToEventLoop();
      const page = ids.slice(i, i + PAGE);
      out.push(
        ...(await this.db
          .selectFrom('historique')
          .selectAll()
          .where('id', 'in', page)
          .orderBy('id')
          .execute()),
      );
    }
    return out;
  }

  /** Every change a person made (export of their data). */
  byAuthor(auteur: string, trx?: Transaction<DB>): Promise<StoredHistoryEntry[]> {
    return (trx ?? this.db)
      .selectFrom('historique')
      .selectAll()
      .where(sql<string>`lower(auteur)`, '=', auteur.toLowerCase())
      .orderBy('id')
      .execute();
  }

  /** Entries whose snapshots mention a text (an e-mail), whatever its case. */
  mentioning(text: string, trx?: Transaction<DB>): Promise<StoredHistoryEntry[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (trx ?? this.db)
      .selectFrom('historique')
      .selectAll()
      .where((eb) => eb.or([eb(sql`avant::text`, 'ilike', pattern), eb(sql`apres::text`, 'ilike', pattern)]))
      .orderBy('id')
      .execute();
  }

  /**
   * Erasure of a person (RGPD): the only rewrite of the history. Entries keep their kind, record, date,
   * action, version and source; the author becomes the pseudonym and the snapshots lose the person.
   */
  async pseudonymise(
    trx: Transaction<DB>,
    auteur: string,
    pseudonym: string,
    snapshots: { id: number; avant: unknown; apres: unknown }[],
  ): Promise<number> {
    const byAuthor = await trx
      .updateTable('historique')
      .set({ auteur: pseudonym })
      .where(sql<string>`lower(auteur)`, '=', auteur.toLowerCase())
      .executeTakeFirst();
    for (const s of snapshots) {
      await trx
        .updateTable('historique')
        .set({
          avant: s.avant === null ? null : JSON.stringify(s.avant),
          apres: s.apres === null ? null : JSON.stringify(s.apres),
        })
        .where('id', '=', s.id)
        .execute();
    }
    return Number(byAuthor.numUpdatedRows);
  }

  search(filters: HistoryFilters) {
    return searchHistory(this.db, filters);
  }
}

export interface HistoryFilters {
  auteur?: string | undefined;
  entite?: string | undefined;
  entiteId?: string | undefined;
  source?: string | undefined;
  depuis?: string | undefined;
  jusqua?: string | undefined;
  offset: number;
  limit: number;
}

/** The audit log across every kind of record, newest first. */
export async function searchHistory(
  db: Kysely<DB>,
  f: HistoryFilters,
): Promise<{ total: number; rows: StoredHistoryEntry[] }> {
  let q = db.selectFrom('historique');
  if (f.auteur) q = q.where('auteur', '=', f.auteur);
  if (f.entite) q = q.where('entite', '=', f.entite);
  if (f.entiteId) q = q.where('entite_id', '=', f.entiteId);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.depuis) q = q.where('date', '>=', new Date(`${f.depuis}T00:00:00Z`));
  if (f.jusqua) q = q.where('date', '<', new Date(Date.parse(`${f.jusqua}T00:00:00Z`) + 86_400_000));
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}
