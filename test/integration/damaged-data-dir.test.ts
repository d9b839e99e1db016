import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirWithReference, odts } from '../helpers/cli-process.ts';

const run = promisify(execFile);
let dataDir: string;

beforeAll(async () => {
  dataDir = await dataDirWithReference();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A copy of the good directory, damaged by `damage`, in its own data folder. */
function damagedCopy(
  name: string,
  damage: (pgliteDir: string) => void,
): { folder: string; pgliteDir: string } {
  const folder = path.join(dataDir, name);
  const pgliteDir = path.join(folder, 'pglite');
  fs.cpSync(path.join(dataDir, 'pglite'), pgliteDir, { recursive: true });
  damage(pgliteDir);
  return { folder, pgliteDir };
}

function truncateTableFiles(pgliteDir: string) {
  const base = path.join(pgliteDir, 'base');
  for (const db of fs.readdirSync(base)) {
    for (const f of fs.readdirSync(path.join(base, db))) {
      const file = path.join(base, db, f);
      if (fs.statSync(file).size > 8192) fs.truncateSync(file, 100);
    }
  }
}

const expectClearMessage = (text: string, pgliteDir: string) => {
  expect(text).toContain(`La base embarquée ${pgliteDir} ne peut pas être ouverte`);
  expect(text).toMatch(/déplacez ce dossier de côté \(mv /);
  expect(text).toMatch(/odts restore FICHIER/);
  expect(text).not.toMatch(/\n\s+at /);
};

describe('a damaged embedded database', () => {
  it.each([
    [
      'overwritten control file',
      (dir: string) => fs.writeFileSync(path.join(dir, 'global', 'pg_control'), 'abîmé'),
    ],
    ['truncated table files', truncateTableFiles],
  ])('%s: the command line names the directory and the way back, without a stack trace', async (name, damage) => {
    const { folder, pgliteDir } = damagedCopy(name.replaceAll(' ', '-'), damage);
    const env = { ...process.env, DATABASE_URL: '', ODTS_DATA_DIR: folder, ODTS_DEMO: '0', FORCE_COLOR: '0' };
    const status = await odts(env, 'db', 'status');
    expect(status.code).toBe(2);
    expectClearMessage(status.stderr, pgliteDir);
  });

  it('the server stops at start with the same message', async () => {
    const { folder, pgliteDir } = damagedCopy('serveur', truncateTableFiles);
    const env = { ...process.env, DATABASE_URL: '', ODTS_DATA_DIR: folder, ODTS_DEMO: '0', PORT: '0' };
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env,
      timeout: 170_000,
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expectClearMessage(failed?.stderr ?? '', pgliteDir);
  });
});
