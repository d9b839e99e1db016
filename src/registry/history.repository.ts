import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface HistoryEntry {
  entite: string;
  entiteId: string;
  action: 'creation' | 'modification' | 'suppression' | 'migration_commune' | 'annulation';
  auteur: string;
  lot: string | null;
  avant: unknown;
  apres: unknown;
}

/** Append-only change log shared by every editable entity. */
export class HistoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(trx: Transaction<DB>, e: HistoryEntry): Promise<void> {
    await trx
      .insertInto('historique')
      .values({
        entite: e.entite,
        entite_id: e.entiteId,
        action: e.action,
        auteur: e.auteur,
        lot: e.lot,
        avant: e.avant === null ? null : JSON.stringify(e.avant),
        apres: e.apres === null ? null : JSON.stringify(e.apres),
      })
      .execute();
  }

  /** Many entries in few statements: an import writes thousands. */
  async recordMany(trx: Transaction<DB>, entries: HistoryEntry[]): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < entries.length; i += CHUNK) {
      await trx
        .insertInto('historique')
        .values(
          entries.slice(i, i + CHUNK).map((e) => ({
            entite: e.entite,
            entite_id: e.entiteId,
            action: e.action,
            auteur: e.auteur,
            lot: e.lot,
            avant: e.avant === null ? null : JSON.stringify(e.avant),
            apres: e.apres === null ? null : JSON.stringify(e.apres),
          })),
        )
        .execute();
    }
  }

  forEntity(entite: string, id: string) {
    return this.db
      .selectFrom('historique')
      .select(['date', 'auteur', 'action', 'lot', 'avant', 'apres'])
      .where('entite', '=', entite)
      .where('entite_id', '=', id)
      .orderBy('id')
      .execute();
  }
}
