import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { dataDirWithReference, exited, odts, spawnOdts, until } from '../helpers/cli-process.ts';
import { removeLots } from '../helpers/registry-cleanup.ts';

/**
 * A command killed with SIGKILL in the middle of its transaction leaves the database as it was before, or
 * (if the commit was reached) as after: never in between, and the same command then runs. The command
 * runs on the configured engine: the PostgreSQL server of the suite, or an embedded directory.
 */
const ROWS = 2000;
// Several child processes each: generous limits for a loaded machine (the assertions are not timed).
const LIMIT = 400_000;
const url = process.env.DATABASE_URL;
const marker = `zkill${process.pid}`;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-kill-')), 'import.csv');

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(url ? { url } : { dataDir: path.join(dataDir, 'pglite') });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const countMarked = () =>
  withDb(async (db) => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from dynamique where nom like ${`${marker} %`}`.execute(db);
    return r.rows[0]?.n ?? 0;
  });

/**
 * When the killed process has started writing in its transaction: on a server, a session of the
 * database holds a transaction id; embedded, PGlite's write-ahead log has moved since the process opened.
 */
async function writing(startedAt: number): Promise<boolean> {
  if (url) {
    return withDb(async (db) => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`.execute(
        db,
      );
      return (r.rows[0]?.n ?? 0) > 0;
    });
  }
  if (!fs.existsSync(path.join(dataDir, 'pglite.lock'))) return false;
  const wal = path.join(dataDir, 'pglite', 'pg_wal');
  return fs
    .readdirSync(wal)
    .filter((f) => /^[0-9A-F]{24}$/.test(f))
    .some((f) => fs.statSync(path.join(wal, f)).mtimeMs > startedAt);
}

async function killWhileWriting(...args: string[]): Promise<void> {
  const startedAt = Date.now();
  const { child, output } = spawnOdts(env, ...args);
  await until(async () => child.exitCode !== null || (await writing(startedAt)), 170_000);
  child.kill('SIGKILL');
  await exited(child);
  expect(child.signalCode ?? `sortie ${child.exitCode} : ${output.join('')}`).toBe('SIGKILL');
}

beforeAll(async () => {
  dataDir = url ? fs.mkdtempSync(path.join(os.tmpdir(), 'odts-kill-')) : await dataDirWithReference();
  env = { ...process.env, DATABASE_URL: url ?? '', ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
  const lines = ['type;nom;statut;communes;porteur;dateDebut'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`CLS;${marker} ${i};actif;42218;Ville de Saint-Étienne;2013-05-01`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
}, LIMIT);

afterAll(async () => {
  if (url) await withDb((db) => removeLots(db, `Import du fichier ${path.basename(csv)}`));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(csv), { recursive: true, force: true });
});

describe('kill -9 in the middle of a command', () => {
  let lot = '';

  it(
    'an import killed while writing left all or nothing, and the same import then succeeds',
    async () => {
      const before = await countMarked();
      await killWhileWriting('dynamiques', 'import', csv);
      const afterKill = await countMarked();
      expect([before, before + ROWS]).toContain(afterKill);

      const again = await odts(env, 'dynamiques', 'import', csv);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(new RegExp(`${ROWS} créée\\(s\\)`));
      lot = /Lot (\S+) — pour annuler/.exec(again.stdout)?.[1] ?? '';
      expect(await countMarked()).toBe(afterKill + ROWS);
    },
    LIMIT,
  );

  it(
    'a lot revert killed while writing left all or nothing, and the same revert then succeeds',
    async () => {
      const before = await countMarked();
      await killWhileWriting('lots', 'annuler', lot);
      const afterKill = await countMarked();
      expect([before, before - ROWS]).toContain(afterKill);

      const again = await odts(env, 'lots', 'annuler', lot);
      if (afterKill === before) {
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toMatch(new RegExp(`${ROWS} dynamique\\(s\\) supprimée\\(s\\)`));
      } else {
        // The commit was reached before the kill: the revert is done, and the command says so.
        expect(again.stderr).toMatch(/déjà été annulé/);
      }
      expect(await countMarked()).toBe(before - ROWS);
    },
    LIMIT,
  );
});
