import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Arbitrary constant: serialises concurrent migrators (several app servers starting at once).
const MIGRATION_LOCK = 7_310_042;

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
}

export function listMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), file: path.join(dir, f) }));
}

async function ensureTable(db: Kysely<DB>) {
  await sql`create table if not exists schema_migration (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

export interface MigrationStatus {
  version: number;
  name: string;
  appliedAt: Date | null;
}

export async function migrationStatus(db: Kysely<DB>): Promise<MigrationStatus[]> {
  await ensureTable(db);
  const applied = await db.selectFrom('schema_migration').selectAll().execute();
  const byVersion = new Map(applied.map((m) => [m.version, m]));
  return listMigrationFiles().map((m) => ({
    version: m.version,
    name: m.name,
    appliedAt: byVersion.get(m.version)?.applied_at ?? null,
  }));
}

/**
 * Applies pending migrations in order, in one transaction. Returns the versions applied. `upTo` stops after
 * that version (tests of a data migration fill the older shape first).
 */
export async function migrate(db: Kysely<DB>, options: { upTo?: number } = {}): Promise<MigrationFile[]> {
  await ensureTable(db);
  return db.transaction().execute((trx) => applyMigrations(trx, options));
}

/**
 * The body of `migrate` inside a transaction the caller holds: a restore rebuilds the schema at the level
 * of its file, loads the rows, then brings it to the code's level, all in one transaction.
 */
export async function applyMigrations(
  trx: Kysely<DB>,
  options: { upTo?: number } = {},
): Promise<MigrationFile[]> {
  await ensureTable(trx);
  await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
  const applied = new Set(
    (await trx.selectFrom('schema_migration').select('version').execute()).map((r) => r.version),
  );
  const done: MigrationFile[] = [];
  for (const m of listMigrationFiles()) {
    if (applied.has(m.version)) continue;
    if (options.upTo !== undefined && m.version > options.upTo) break;
    await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(trx);
    await trx.insertInto('schema_migration').values({ version: m.version, name: m.name }).execute();
    done.push(m);
  }
  return done;
}
