import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempSource } from '../helpers/reference-layers.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-cli-layers-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });
/** The command's outcome whatever its exit code. */
const outcome = (...args: string[]) =>
  odts(...args).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts reference import of optional layers', () => {
  it('lists the three layers, each with its options and default source', async () => {
    const { stdout } = await odts('reference', 'import', '--help');
    expect(stdout).toMatch(/qpv \[options\] \[source\]/);
    expect(stdout).toMatch(/contrats-ville \[options\] \[source\]/);
    expect(stdout).toMatch(/contours \[options\] \[sources\.\.\.\]/);
    const contours = await odts('reference', 'import', 'contours', '--help');
    for (const option of ['--dry-run', '--force', '--millesime <libellé>', '--niveau <niveau>']) {
      expect(contours.stdout).toContain(option);
    }
    expect(contours.stdout).toMatch(/etalab-datasets\.geo\.data\.gouv\.fr/);
  });

  it('a failed download says in French what is missing and how to import from a file', async () => {
    const { code, stderr } = await outcome(
      'reference',
      'import',
      'contrats-ville',
      'http://127.0.0.1:9/cv.json',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/Téléchargement impossible : http:\/\/127\.0\.0\.1:9\/cv\.json/);
    expect(stderr).toMatch(/npm run odts -- reference import contrats-ville chemin\/vers\/le-fichier/);
  });

  it('a file with errors: every bad item listed, nothing written, exit code 1', async () => {
    const file = tempSource(
      'qpv.json',
      JSON.stringify([
        { code: 'QN0X', nom: 'Code mal formé', communes: ['01053'] },
        { code: 'QN00101M', nom: '', communes: ['1053'] },
      ]),
    );
    const { code, stdout } = await outcome('reference', 'import', 'qpv', file, '--dry-run');
    expect(code).toBe(1);
    expect(stdout).toMatch(/Import refusé : 2 erreur\(s\), rien n’a été écrit/);
    expect(stdout).toMatch(/élément 1 · code : code de QPV mal formé : « QN0X »/);
    expect(stdout).toMatch(/élément 2 · nom : nom du quartier manquant/);
  });
});
