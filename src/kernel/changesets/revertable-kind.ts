import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Writes of one kind of record inside a revert's transaction; false when the version moved. */
export interface RevertWriter<Row, Restored> {
  remove(row: Row): Promise<boolean>;
  restore(row: Row, restored: Restored): Promise<boolean>;
  /**
   * Set-based forms for change sets of thousands of records: answer the ids whose version moved (or that
   * are gone). Without them, the rows are written one by one.
   */
  removeMany?(rows: Row[]): Promise<string[]>;
  restoreMany?(items: { row: Row; restored: Restored }[]): Promise<string[]>;
}

/** Checks a record's version from before the change set and prepares it for writing back. */
export type Restorer<Row, Restored> = (
  before: unknown,
  current: Row,
) => Promise<{ document: unknown; restored: Restored } | null>;

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
  /** A `restorable` prepared for `count` records (e.g. with the reference read once into memory). */
  restorer?(count: number): Promise<Restorer<Row, Restored>>;
  /** Opens this kind's writer inside the revert's transaction. */
  begin(trx: Transaction<DB>): Promise<RevertWriter<Row, Restored>>;
  /** Told once the revert is committed (caches, search indexes). */
  reverted?(): void;
}
