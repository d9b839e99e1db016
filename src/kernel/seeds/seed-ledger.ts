import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SeedLedgerRepository, SeedRecord } from './seed-ledger.repository.ts';

export type { SeedRecord } from './seed-ledger.repository.ts';

/**
 * Which shipped data set (demo dynamics, notices, glossary, sélections, reference layers) each first start
 * has loaded, and in which version: later starts read it and skip what is already there.
 */
export class SeedLedger {
  constructor(private readonly repo: SeedLedgerRepository) {}

  /** The version of `name` loaded, or null when it never was. */
  loadedVintage(name: string, trx?: Transaction<DB>): Promise<string | null> {
    return this.repo.vintage(name, trx);
  }

  /** Takes the advisory lock `key` until `trx` ends, for a load that runs in a transaction of its own. */
  lock(trx: Transaction<DB>, key: number): Promise<void> {
    return this.repo.lock(trx, key);
  }

  /** Records a load that ran inside `trx`, so that the data and its record commit together. */
  record(trx: Transaction<DB>, record: SeedRecord): Promise<void> {
    return this.repo.record(trx, record);
  }

  /** Records a load whose writes are already committed (or that wrote nothing). */
  recordNow(record: SeedRecord): Promise<void> {
    return this.repo.transaction((trx) => this.repo.record(trx, record));
  }

  /**
   * Runs `load` in one transaction that holds the lock `lockKey`, after reading again (under the lock)
   * what is loaded: another server may have loaded the same data set meanwhile.
   */
  exclusively<T>(
    lockKey: number,
    load: (
      trx: Transaction<DB>,
      ledger: { loadedVintage(name: string): Promise<string | null> },
    ) => Promise<T>,
  ): Promise<T> {
    return this.repo.transaction(async (trx) => {
      await this.repo.lock(trx, lockKey);
      return load(trx, { loadedVintage: (name) => this.repo.vintage(name, trx) });
    });
  }
}
