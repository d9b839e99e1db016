import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts command line', () => {
  it.each([
    [[]],
    [['db']],
    [['reference']],
    [['reference', 'import']],
    [['serve']],
  ])('%j --help describes its commands in French', async (args) => {
    const { stdout } = await odts(...args, '--help');
    expect(stdout).toMatch(/Usage: odts/);
    expect(stdout).toMatch(/affiche l’aide/);
  });

  it('an unknown command fails with a hint', async () => {
    await expect(odts('inconnue')).rejects.toMatchObject({ code: 1 });
  });

  it('db migrate then db status report an up-to-date database', async () => {
    const migrated = await odts('db', 'migrate');
    expect(migrated.stdout).toMatch(/Migrations appliquées|Base à jour/);
    const again = await odts('db', 'migrate');
    expect(again.stdout).toMatch(/aucune migration en attente/);
    const status = await odts('db', 'status');
    expect(status.stdout).toMatch(/0001 reference/);
    expect(status.stdout).toMatch(/Base à jour/);
  });

  it('an invalid configuration stops with a French message naming the variable', async () => {
    await expect(
      run(process.execPath, ['bin/odts.js', 'db', 'status'], { env: { ...env, PORT: 'abc' } }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/PORT/) });
  });
});

function waitForLine(child: ChildProcess, pattern: RegExp, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const m = pattern.exec(text);
      if (m) resolve(m[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    child.on('exit', (code) => reject(new Error(`arrêt inattendu (${code}) :\n${output.join('')}`)));
  });
}

describe('npm start on the embedded database', () => {
  const startDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-start-'));
  afterAll(() => fs.rmSync(startDir, { recursive: true, force: true }));

  async function start() {
    const output: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      // Always the embedded database here, even when the suite runs against a server.
      env: { ...env, DATABASE_URL: '', ODTS_DATA_DIR: startDir, PORT: '0', ODTS_LOG_LEVEL: 'warn' },
    });
    const line = await waitForLine(child, /prêt sur (http:\/\/\S+)/, output);
    const url = line.replace('prêt sur ', '');
    return { child, url, output };
  }

  it('loads the reference on first start, reuses it on the second', async () => {
    const first = await start();
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as {
      reference: { communes: number };
    };
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(health.reference.communes).toBeGreaterThan(34_000);
    expect(first.output.join('')).toMatch(/Référentiel administratif chargé/);
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start();
    expect(second.output.join('')).toMatch(/Référentiel administratif déjà chargé/);
    const found = (await (await fetch(`${second.url}/api/territoires?q=st%20etienne`)).json()) as {
      items: { code: string }[];
    };
    expect(found.items[0]?.code).toBe('42218');
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
