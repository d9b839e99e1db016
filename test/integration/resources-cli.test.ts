import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-ressources-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts ressources', () => {
  it('imports a RIS file (dry run, then for real) and exports it again', async () => {
    const m = newMarker();
    const file = path.join(dataDir, 'notices.ris');
    fs.writeFileSync(
      file,
      `TY  - RPRT\nTI  - ${m} Rapport\nPY  - 2020\nER  - \n\nTY  - BOOK\nTI  - ${m} Ouvrage\nPY  - 2018\nER  - \n`,
    );
    const dry = await odts('ressources', 'import', file, '--format', 'ris', '--dry-run');
    expect(dry.stdout).toMatch(/2 notice\(s\) RIS lue\(s\) \(vérification seule/);
    expect(dry.stdout).toMatch(/2 à créer/);
    const real = await odts('ressources', 'import', file);
    expect(real.stdout).toMatch(/2 créée\(s\)/);

    const output = path.join(dataDir, 'export.json');
    await odts('ressources', 'export', '--format', 'csl-json', '--q', m, '--output', output);
    const items = JSON.parse(fs.readFileSync(output, 'utf8')) as { title: string }[];
    expect(items.map((i) => i.title).sort()).toEqual([`${m} Ouvrage`, `${m} Rapport`]);
    const again = await odts('ressources', 'import', output);
    expect(again.stdout).toMatch(/2 doublon\(s\)/);
  });

  it('an invalid file exits with code 1 and lists the errors', async () => {
    const file = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(file, 'type;titre\nroman;Titre\n');
    await expect(odts('ressources', 'import', file)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/ligne 2, type : type inconnu/),
    });
  });
});
