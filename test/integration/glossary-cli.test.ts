import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-glossaire-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts glossaire', () => {
  it('explains its commands in French', async () => {
    const help = await odts('glossaire', '--help');
    expect(help.stdout).toMatch(/Glossaire du champ/);
    expect(help.stdout).toMatch(/import \[options\] <fichier>|import <fichier>/);
  });

  it('imports a glossary file, then lists and searches it', async () => {
    const imported = await odts('glossaire', 'import', 'data-seed/glossaire.json');
    expect(imported.stdout).toMatch(/entrée\(s\) créée\(s\), 0 modifiée\(s\)/);
    const again = await odts('glossaire', 'import', 'data-seed/glossaire.json');
    expect(again.stdout).toMatch(/0 entrée\(s\) créée\(s\), 0 modifiée\(s\)/);
    const list = await odts('glossaire', 'list', '--q', 'sante mentale');
    expect(list.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'CLSM\tConseil local de santé mentale',
        'PTSM\tProjet territorial de santé mentale',
      ]),
    );
  });

  it('refuses an invalid file, naming the entry', async () => {
    const file = path.join(dataDir, 'mauvais.json');
    fs.writeFileSync(file, JSON.stringify({ termes: [{ sigle: 'C L S', forme: 'x', definition: 'y' }] }));
    await expect(odts('glossaire', 'import', file)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/entrée 1 \(C L S\) : sigle/),
    });
  });
});
