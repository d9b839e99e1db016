import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { WriteCounter } from './write-counter.ts';

/** A plain select: every other statement (insert, update, with…, DDL) is counted as a write. */
const READ_ONLY = /^\s*select\b/i;

/**
 * Kysely dialect for PGlite. PGlite is one single-threaded connection, so queries and transactions
 * are serialised through a lock: a transaction holds the connection until commit or rollback.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly writes: WriteCounter = new WriteCounter(),
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.writes);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(
    private readonly pg: PGlite,
    writes: WriteCounter,
  ) {
    this.connection = new PGliteConnection(pg, writes);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.queue;
    this.queue = previous.then(() => next);
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await (conn as PGliteConnection).exec(`begin${level}`);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await (conn as PGliteConnection).exec('commit');
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await (conn as PGliteConnection).exec('rollback');
  }
  async releaseConnection(conn: DatabaseConnection) {
    (conn as PGliteConnection).release();
  }
  async destroy() {
    await this.queue;
    if (!this.pg.closed) await this.pg.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(
    private readonly pg: PGlite,
    private readonly writes: WriteCounter,
  ) {}

  async exec(sqlText: string) {
    await this.pg.exec(sqlText);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Parameterless text may hold several statements (migrations): use the simple protocol for it.
    const result: { rows: R[]; affectedRows?: number } =
      compiled.parameters.length === 0
        ? (((await this.pg.exec(compiled.sql)).at(-1) as
            | { rows: R[]; affectedRows?: number }
            | undefined) ?? {
            rows: [],
          })
        : await this.pg.query<R>(compiled.sql, [...compiled.parameters]);
    // Counted once run: a stamp read that ran before it is then made again (see `untilWritten`).
    if (!READ_ONLY.test(compiled.sql)) this.writes.bump();
    const affected = result.affectedRows;
    return affected === undefined
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(affected) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite; fail loudly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Le streaming de requêtes n’est pas disponible avec PGlite');
  }
}
