import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/context.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { backupLines, tableRows } from '../helpers/backup.ts';
import { dataDirWithReference, exited, odts } from '../helpers/cli-process.ts';

// Always the embedded database: what is tested is one process owning its directory.
let dataDir: string;
let env: NodeJS.ProcessEnv;
let token: string;
let server: { child: ChildProcess; url: string } | null = null;
const marker = `zserveur${process.pid}`;
const accepted: string[] = [];
// Child processes and a first start: generous limits for a loaded machine (the assertions are not timed).
const LIMIT = 400_000;

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...env, PORT: '0', ODTS_LOG_LEVEL: 'warn' },
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      output.push(c.toString());
      const m = /prêt sur (http:\/\/\S+)/.exec(output.join(''));
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
    child.once('exit', (code) => reject(new Error(`arrêt inattendu (${code}) :\n${output.join('')}`)));
  });
  return { child, url };
}

async function stopServer(): Promise<void> {
  if (!server) return;
  server.child.kill('SIGTERM');
  await exited(server.child);
  server = null;
}

async function writeThroughServer(url: string): Promise<void> {
  const res = await fetch(`${url}/api/dynamiques`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(dynamicInput({ nom: `${marker} ${accepted.length}` })),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  accepted.push(((await res.json()) as { id: string }).id);
}

async function markedInDatabase(): Promise<string[]> {
  const ctx = await openContext({ DATABASE_URL: undefined, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    const rows = await sql<{ id: string }>`
      select id from dynamique where nom like ${`${marker} %`}`.execute(ctx.database.db);
    return rows.rows.map((r) => r.id);
  } finally {
    await ctx.close();
  }
}

beforeAll(async () => {
  dataDir = await dataDirWithReference();
  env = { ...process.env, DATABASE_URL: '', ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
  const ctx = await openContext({ DATABASE_URL: undefined, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    const created = await ctx.services.auth.createToken(systemActor('tests'), {
      role: 'administrateur',
      regions: [],
      libelle: 'sauvegardes',
    });
    token = created.jeton;
  } finally {
    await ctx.close();
  }
  server = await startServer();
}, LIMIT);

afterAll(async () => {
  await stopServer();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the command line beside a server that owns the embedded database', () => {
  const file = () => path.join(dataDir, 'sauvegarde.jsonl.gz');

  it(
    'a backup goes through the server while it writes; alone, the command explains both ways',
    async () => {
      const url = (server as { url: string }).url;
      for (let i = 0; i < 3; i++) await writeThroughServer(url);
      let stop = false;
      const writes = (async () => {
        while (!stop) await writeThroughServer(url);
      })();

      const alone = await odts(env, 'backup', file());
      expect(alone.code).toBe(2);
      expect(alone.stderr).toMatch(/tenue par le serveur \(PID \d+\)/);
      expect(alone.stderr).toMatch(/--serveur URL --jeton JETON \(ou ODTS_URL et ODTS_TOKEN/);
      expect(alone.stderr).not.toMatch(/\n\s+at /);

      const through = await odts({ ...env, ODTS_URL: url, ODTS_TOKEN: token }, 'backup', file());
      expect(through.code, through.stderr).toBe(0);
      expect(through.stdout).toMatch(/Sauvegarde écrite par le serveur/);
      stop = true;
      await writes;

      const lines = backupLines(file());
      const saved = tableRows(lines, 'dynamique').filter((d) => String(d.nom).startsWith(marker));
      expect(saved.length).toBeGreaterThanOrEqual(3);
      expect(accepted).toEqual(expect.arrayContaining(saved.map((d) => String(d.id))));
    },
    LIMIT,
  );

  it(
    'a restore and a write from the command line are refused in French while the server runs',
    async () => {
      const restore = await odts(env, 'restore', file());
      expect(restore.code).toBe(2);
      expect(restore.stderr).toMatch(/arrêtez d’abord le serveur/);

      const csv = path.join(dataDir, 'ajout.csv');
      fs.writeFileSync(csv, `type;nom;statut;communes\nCLS;${marker} cli;actif;42218\n`);
      const write = await odts(env, 'dynamiques', 'import', csv);
      expect(write.code).toBe(2);
      expect(write.stderr).toMatch(/déjà ouverte par un autre processus/);
    },
    LIMIT,
  );

  it(
    'after a restart every write the server accepted is there; the backup then restores with the server stopped',
    async () => {
      await stopServer();
      server = await startServer();
      const res = await fetch(`${server.url}/api/dynamiques?q=${marker}`);
      expect(((await res.json()) as { total: number }).total).toBe(accepted.length);
      await stopServer();
      expect((await markedInDatabase()).sort()).toEqual([...accepted].sort());

      const saved = tableRows(backupLines(file()), 'dynamique')
        .filter((d) => String(d.nom).startsWith(marker))
        .map((d) => String(d.id))
        .sort();
      const restored = await odts(env, 'restore', file());
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(
        /Restauration terminée depuis .* : \d+ tables, [\d\s ]+ lignes, migration \d+/,
      );
      expect((await markedInDatabase()).sort()).toEqual(saved);
    },
    LIMIT,
  );
});
