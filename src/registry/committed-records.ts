import type { DynamicRow } from './registry.repository.ts';

/** A record as last committed, with the communes of its perimeter. */
export interface CommittedRecord {
  row: DynamicRow;
  communes: string[];
}

/**
 * The committed records of `ids` held in memory, while a long write keeps the database busy (PGlite has
 * one connection: a read would wait for the write's commit); null when no long write runs, or when
 * memory does not hold them — the database is then read as usual.
 */
export type CommittedRecords = (ids: string[]) => Promise<Map<string, CommittedRecord> | null>;
