import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-cli-rapport-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts rapport etat-des-lieux', () => {
  it('describes its options in French and says what PDF needs', async () => {
    const { stdout } = await odts('rapport', 'etat-des-lieux', '--help');
    expect(stdout).toMatch(/--region <code>/);
    expect(stdout).toMatch(/--territoire <type:code>\s+territoire de tout niveau/);
    expect(stdout).toMatch(/--format <format>\s+format du document : pdf, docx, html/);
    expect(stdout).toMatch(/apt-get install chromium/);
  });

  it('refuses a call without territory, naming the option, before opening the database', async () => {
    await expect(odts('rapport', 'etat-des-lieux', '--format', 'html')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--region : indiquez une région/),
    });
    await expect(
      odts('rapport', 'etat-des-lieux', '--region', '84', '--format', 'odt'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format : format : pdf, docx ou html/),
    });
    await expect(
      odts('rapport', 'etat-des-lieux', '--territoire', 'canton:8501', '--format', 'html'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--territoire : format attendu TYPE:CODE/),
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('odts rapport dossier-elus', () => {
  it('refuses a région, naming the option, before opening the database', async () => {
    await expect(
      odts('rapport', 'dossier-elus', '--territoire', 'region:84', '--format', 'html'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--territoire : une commune ou une intercommunalité est attendue/),
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('writes a commune’s dossier where it is told', async () => {
    // A data directory of its own, with the communes of the official geography.
    await odts('reference', 'import', 'cog');
    const out = path.join(dataDir, 'sortie', 'dossier.html');
    const { stdout } = await odts(
      'rapport',
      'dossier-elus',
      '--territoire',
      'commune:42218',
      '--format',
      'html',
      '--output',
      out,
    );
    expect(stdout).toMatch(/^Dossier pour les élus écrit : .*dossier\.html \(\d+ Ko, [\d,]+ s\)/m);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Commune Saint-Étienne');
    expect(html).toContain('Qu’est-ce qu’une démarche territoriale de santé ?');
  }, 180_000);
});
