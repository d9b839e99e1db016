import type { DynamicRow } from './registry.repository.ts';

/** A record as last committed, with the communes of its perimeter. */
export interface CommittedRecord {
  row: DynamicRow;
  communes: string[];
}

/**
 * The committed records of `refs` held in memory (the analytics snapshot), each at exactly the version
 * asked for: a record is then presented without a query, and while a long write holds the database
 * (PGlite has one connection: a read would wait for the write's commit) it is not waited for. A record
 * memory does not hold at that version is left out and read from the database as usual.
 */
export type CommittedRecords = (refs: { id: string; version: number }[]) => Map<string, CommittedRecord>;
