import fs from 'node:fs';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { readRecords } from '../../src/resources/imports/read-records.ts';
import { ensureBenchDataset } from '../generate/dataset.ts';
import { freshTarget } from '../lib/engine.ts';
import { timed } from '../lib/stats.ts';

/**
 * Import of the 10,000 RIS records of the national dataset alone (no 50,000-notice load, no search):
 * reading the file tag by tag, the dry run, then the import written in one change set, into an empty
 * base. `npx tsx bench/resources/ris-import.ts` (DATABASE_URL for a PostgreSQL server).
 */
const TARGET_MS = 15_000;
const log = (message: string) => console.error(`· ${message}`);

async function main() {
  const { paths } = ensureBenchDataset();
  const ris = fs.readFileSync(paths.noticesRis);
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    const ctx = await openContext(target.config);
    try {
      await migrate(ctx.database.db);
      const actor = systemActor('banc d’essai');
      const imports = ctx.services.resources.imports;
      const read = await timed(async () => readRecords(ris, 'ris'));
      const dry = await timed(() => imports.importFile(actor, ris, { dryRun: true, doublons: 'ignorer' }));
      const written = await timed(() =>
        imports.importFile(actor, ris, { dryRun: false, doublons: 'ignorer' }),
      );
      if (!written.value.valide) throw new Error(JSON.stringify(written.value.erreurs.slice(0, 5)));
      const s = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
      console.log(`| mesure (${target.label}) | durée | cible |`);
      console.log('| --- | ---: | ---: |');
      console.log(`| lecture RIS seule (${read.value.records.length} notices) | ${s(read.ms)} | |`);
      console.log(`| vérification seule (${dry.value.crees} à créer) | ${s(dry.ms)} | |`);
      const ok = written.ms <= TARGET_MS ? '✓' : '✗';
      console.log(
        `| import avec écriture, un lot (${written.value.crees} créées) | ${s(written.ms)} | ≤ 15 s ${ok} |`,
      );
    } finally {
      await ctx.close();
    }
  } finally {
    await target.cleanup();
  }
}

await main();
