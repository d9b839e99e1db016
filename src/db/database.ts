import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { damagedDataDir } from './damaged-data-dir.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { WriteCounter } from './write-counter.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded engine, when PGlite is used (dumps for test fixtures). */
  pglite?: PGlite;
  /** PGlite: the statements that may have written (see `WriteCounter`). */
  writes?: WriteCounter;
  close(): Promise<void>;
}

// Same value types on both engines: bigint counts as numbers, dates as 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keep = (v: string) => v;

export interface DatabaseOptions {
  /** postgres://… server; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from a dump produced by `dumpDataDir()` (fast test fixtures). */
  loadDataDir?: Blob | File | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPGlite(options);
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keep },
    });
  } catch (error) {
    release();
    throw options.dataDir ? damagedDataDir(options.dataDir, error) : error;
  }
  const writes = new WriteCounter();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client, writes) });
  return {
    db,
    kind: 'pglite',
    pglite: client,
    writes,
    close: async () => {
      await db.destroy();
      release();
    },
  };
}

function openPostgres(url: string): Database {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return keep;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
