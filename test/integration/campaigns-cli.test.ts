import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { campaignBody } from '../factories/campaigns.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-campaigns-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('campaigns from the command line', () => {
  it('creates, lists, follows and exports a campaign; refuses a bad file naming the field', async () => {
    await odts('reference', 'import', 'cog');
    const file = path.join(dataDir, 'campagne.json');
    const body = campaignBody({ destinataires: [] });
    fs.writeFileSync(file, JSON.stringify(body));
    const created = await odts('campagnes', 'create', file);
    const id = /Campagne créée : ([0-9a-f-]{36})/.exec(created.stdout)?.[1] as string;
    expect(id).toBeTruthy();
    expect((await odts('campagnes', 'list')).stdout).toContain(String(body.nom));
    expect((await odts('campagnes', 'envoyer', id)).stdout).toMatch(/^0 invitation\(s\) envoyé\(s\)/m);
    expect((await odts('campagnes', 'suivi', id)).stdout).toMatch(/Destinataires 0 · envoyés 0/);
    const out = path.join(dataDir, 'reponses.csv');
    await odts('campagnes', 'export', id, '--sortie', out);
    expect(fs.readFileSync(out, 'utf8')).toContain('Coordination dédiée ?');

    fs.writeFileSync(file, JSON.stringify({ ...body, cloture: '2001-01-01' }));
    await expect(odts('campagnes', 'create', file)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cloture : la clôture précède l’ouverture/),
    });
    await expect(odts('campagnes', 'suivi', 'inconnue')).rejects.toMatchObject({
      stderr: expect.stringMatching(/Aucune campagne/),
    });
  }, 240_000);
});
