import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Writes of one kind of record inside a revert's transaction; false when the version moved. */
export interface RevertWriter<Row, Restored> {
  remove(row: Row): Promise<boolean>;
  restore(row: Row, restored: Restored): Promise<boolean>;
}

/**
 * What a module registers so that change sets touching its records can be reverted. The kernel plans and
 * runs the revert, records the history and marks the change set; the module only knows its records.
 */
export interface RevertableKind<Row extends { id: string; version: number }, Restored = unknown> {
  /** Value of `historique.entite` for this kind. */
  entite: string;
  /** Plural noun with agreement for messages: « dynamique(s) », feminine or not. */
  plural: string;
  feminine: boolean;
  /** « Nom » (id), to name a record in a message. */
  describe(row: Row): string;
  findByIds(ids: string[]): Promise<Row[]>;
  /** The stored document of a row, as history snapshots carry it (without id and version). */
  document(row: Row): unknown;
  /** The version before the change set, checked and ready to write back; null when it no longer validates. */
  restorable(before: unknown, current: Row): Promise<{ document: unknown; restored: Restored } | null>;
  /** Opens this kind's writer inside the revert's transaction. */
  begin(trx: Transaction<DB>): Promise<RevertWriter<Row, Restored>>;
  /** Told once the revert is committed (caches, search indexes). */
  reverted?(): void;
}
