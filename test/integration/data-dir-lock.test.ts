import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { openDatabase } from '../../src/db/database.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-lock-'));
const pgliteDir = path.join(dataDir, 'pglite');
// Always the embedded database: the lock is about its directory.
const env = { ...process.env, DATABASE_URL: '', ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('one process owns an embedded database directory', () => {
  it('a command run beside the process holding the directory is refused in French, then works once it is closed', async () => {
    const held = await openDatabase({ dataDir: pgliteDir });
    try {
      const refused = odts('db', 'status');
      await expect(refused).rejects.toMatchObject({ code: 2 });
      const { stderr } = await refused.catch((e) => e as { stderr: string });
      expect(stderr).toMatch(`déjà ouverte par un autre processus (PID ${process.pid}`);
      expect(stderr).toMatch(/odts tokens create/);
    } finally {
      await held.close();
    }
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);
    const { stdout } = await odts('db', 'status');
    expect(stdout).toMatch(/0001 reference/);
  });

  it('a lock left by a process that no longer runs is taken over', () => {
    const dir = path.join(dataDir, 'abandonnee');
    // PIDs are below 2^22 on Linux: this one cannot be running.
    fs.writeFileSync(`${dir}.lock`, '4999999\n');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
