import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-actions-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('actions from the command line', () => {
  it('imports a file (dry run, then for real), exports it back and prints the grid figures', async () => {
    await odts('reference', 'import', 'cog');
    const marker = `cli${process.pid}`;
    const header = (
      await odts('actions', 'export', '--format', 'csv', '--output', path.join(dataDir, 'vide.csv'))
    ).stdout;
    expect(header).toMatch(/Actions écrites/);
    const columns = fs
      .readFileSync(path.join(dataDir, 'vide.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] as string;
    const names = columns.split(';');
    const row = names.map((c) =>
      c === 'type'
        ? 'fiche_action'
        : c === 'titre'
          ? `Atelier nutrition ${marker}`
          : c === 'communes'
            ? '42218'
            : '',
    );
    const file = path.join(dataDir, 'actions.csv');
    fs.writeFileSync(file, `${columns}\n${row.join(';')}\n`);

    const dry = await odts('actions', 'import', file, '--dry-run');
    expect(dry.stdout).toMatch(/vérification seule/);
    expect(dry.stdout).toMatch(/Fichier valide : 1 à créer/);
    const done = await odts('actions', 'import', file);
    expect(done.stdout).toMatch(/Fichier valide : 1 créée\(s\)/);
    expect(done.stdout).toMatch(/pour annuler : odts lots annuler /);

    const out = path.join(dataDir, 'export.csv');
    await odts('actions', 'export', '--format', 'csv', '--output', out);
    expect(fs.readFileSync(out, 'utf8')).toContain(`Atelier nutrition ${marker}`);
    const grid = JSON.parse((await odts('actions', 'grille')).stdout);
    expect(grid.total).toBeGreaterThanOrEqual(1);

    fs.writeFileSync(
      file,
      `${columns}\n${row.map((v, i) => (names[i] === 'type' ? 'inconnu' : v)).join(';')}\n`,
    );
    await expect(odts('actions', 'import', file)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/ligne 2, type : /),
    });
  }, 240_000);
});
