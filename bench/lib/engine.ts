import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config.ts';

export type EngineConfig = Pick<Config, 'DATABASE_URL' | 'pgliteDir'>;

/** An empty database for one benchmark run, removed afterwards. */
export interface BenchTarget {
  kind: 'pglite' | 'postgres';
  /** For the report: "PGlite (fichier)" or the server version. */
  label: string;
  config: EngineConfig;
  cleanup(): Promise<void>;
}

/**
 * PGlite in a new temporary directory, or, when DATABASE_URL is set, a new database on that server
 * (the role needs CREATEDB), dropped at the end.
 */
export async function freshTarget(env: NodeJS.ProcessEnv = process.env): Promise<BenchTarget> {
  const url = env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-bench-'));
    return {
      kind: 'pglite',
      label: 'PGlite (dossier de données sur disque)',
      config: { DATABASE_URL: undefined, pgliteDir: path.join(dir, 'pglite') },
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `odts_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let version = '';
  try {
    version =
      (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '';
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    kind: 'postgres',
    label: `PostgreSQL ${version} (${target.host}, base temporaire ${name})`,
    config: { DATABASE_URL: target.toString(), pgliteDir: '' },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
