import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-selections-cli-'));
const env = { ...process.env, ODTS_DATA_DIR: dataDir, ODTS_DEMO: '0', FORCE_COLOR: '0' };
const odts = (...args: string[]) =>
  run(process.execPath, ['bin/odts.js', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('odts selections', () => {
  it('has a French help', async () => {
    const { stdout } = await odts('selections', 'export', '--help');
    expect(stdout).toContain('Met en forme ou exporte une sélection');
    expect(stdout).toContain('--out <fichier>');
  });

  it('lists the sélections and exports one as CSL-JSON and HTML', async () => {
    const m = newMarker();
    // The notice comes in through the import command; the sélection through the service.
    const ris = path.join(dataDir, 'n.ris');
    fs.writeFileSync(ris, `TY  - RPRT\nTI  - ${m} Rapport sur les CLSM\nPY  - 2021\nER  - \n`);
    await odts('ressources', 'import', ris);
    const script = path.join(dataDir, 'create.mts');
    fs.writeFileSync(
      script,
      `import { withContext } from '${path.resolve('src/cli/context.ts')}';
import { systemActor } from '${path.resolve('src/domain/actor.ts')}';
import { selectionInput } from '${path.resolve('src/domain/resources/selection-schemas.ts')}';
await withContext(async (ctx) => {
  const [id] = (await ctx.services.resources.search.matchingIds({ q: '${m}', tri: 'pertinence' }, 10)).ids;
  const s = await ctx.services.resources.selections.create(systemActor('test'), selectionInput.parse({
    titre: '${m} Santé mentale', sections: [{ titre: 'Rapports', notices: [{ notice: id, commentaire: 'Lecture conseillée.' }] }],
  }));
  console.log(s.id);
});
`,
    );
    const created = await run(process.execPath, ['--import', 'tsx', script], { env, timeout: 120_000 });
    const id = created.stdout.trim().split('\n').pop() as string;

    const list = await odts('selections', 'list', '--q', m);
    expect(list.stdout).toContain(`${id}\t${m} Santé mentale\tsans date\t1 notice(s)`);

    const json = path.join(dataDir, 'sel.json');
    const out = await odts('selections', 'export', id, '--format', 'csl-json', '--out', json);
    expect(out.stdout).toMatch(/Sélection écrite : .*sel\.json/);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))[0].title).toBe(`${m} Rapport sur les CLSM`);
    const html = path.join(dataDir, 'sel.html');
    await odts('selections', 'export', id, '--format', 'html', '--out', html);
    expect(fs.readFileSync(html, 'utf8')).toContain('Lecture conseillée.');
  });

  it('a bad format or an unknown id exits with a French message', async () => {
    await expect(odts('selections', 'export', 'x', '--format', 'odt')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format : format : html, pdf, docx/),
    });
    await expect(odts('selections', 'export', 'inconnue', '--format', 'ris')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Aucune sélection avec l’identifiant « inconnue »/),
    });
  });
});
