import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-accounts-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('accounts and tokens from the command line', () => {
  const email = `admin-cli-${process.pid}-${Date.now()}@example.org`;

  it('users add creates the first administrator with a provisional password; users list shows it', async () => {
    const { stdout } = await odts('users', 'add', email, '--role', 'administrateur');
    expect(stdout).toMatch(`Compte créé : ${email} (administrateur)`);
    expect(stdout).toMatch(/Mot de passe provisoire, à changer à la première connexion : \S{20}/);
    const listed = await odts('users', 'list');
    expect(listed.stdout).toMatch(new RegExp(`${email.replace(/[.]/g, '\\.')}\\tadministrateur`));
    await expect(odts('users', 'add', email, '--role', 'administrateur')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Un compte existe déjà/),
    });
  });

  it('tokens create prints the token alone on its last line; a bad role is refused in French', async () => {
    const { stdout } = await odts('tokens', 'create', '--role', 'equipe_regionale', '--region', '84');
    const last = stdout.trim().split('\n').at(-1);
    expect(last).toMatch(/^odts_[\w-]{40,}$/);
    await expect(odts('tokens', 'create', '--role', 'chef')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/role : rôle inconnu/),
    });
  });

  it('personnes exporter prints the JSON of an address; personnes effacer anonymises the account', async () => {
    const person = `personne-cli-${process.pid}-${Date.now()}@example.org`;
    await odts('users', 'add', person, '--role', 'documentaliste', '--nom', 'Sacha Cli');
    const exported = JSON.parse((await odts('personnes', 'exporter', person)).stdout);
    expect(exported).toMatchObject({ email: person, compte: { nom: 'Sacha Cli', actif: true } });
    const erased = await odts('personnes', 'effacer', person);
    expect(erased.stdout).toMatch(/^Effacement de .* : pseudonyme personne-effacee-[0-9a-f]{10}$/m);
    expect(erased.stdout).toMatch(/compte .* anonymisé et désactivé/);
    expect((await odts('users', 'list')).stdout).not.toContain(person);
    expect(JSON.parse((await odts('personnes', 'exporter', person)).stdout).compte).toBeNull();
    await expect(odts('personnes', 'effacer', 'pas-une-adresse')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Adresse électronique invalide/),
    });
  });
});
