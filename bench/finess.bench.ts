import os from 'node:os';
import { sql } from 'kysely';
import { openContext } from '../src/context.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemActor } from '../src/domain/actor.ts';
import { generateExtraction } from './finess/generate-extraction.ts';

/**
 * Times `reference import finess` on a synthetic national extraction: a first import (creations), the
 * same file again (nothing to change), then a newer one where every tenth establishment is gone.
 * Runs on the database of DATABASE_URL, which must hold the reference (`odts reference import cog`);
 * the FINESS dynamics it holds are removed first and at the end.
 */
const actor = systemActor('banc d’essai');

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL attendu (base avec le référentiel chargé)');
  const ctx = await openContext({ DATABASE_URL: url, pgliteDir: '' });
  await migrate(ctx.database.db);
  const clear = () =>
    sql`delete from dynamique where document->'specifique' ? 'finess'`.execute(ctx.database.db);
  await clear();
  console.log(
    `machine : ${os.availableParallelism()} cœurs, charge ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  const first = generateExtraction(100_000, '2024-07-01');
  const lines = first.text.split('\n');
  const newer = generateExtraction(100_000, '2024-10-01');
  const dropped = newer.text
    .split('\n')
    .filter((l, i) => !(l.startsWith('structureet') && i % 10 === 0))
    .join('\n')
    .replace(
      /^finess;etalab;\d+;/,
      `finess;etalab;${newer.text.split('\n').filter((l, i) => l.startsWith('structureet') && i % 10 !== 0).length};`,
    );
  console.log(`${lines.length - 1} lignes, ${first.inCategories} établissements des catégories suivies`);
  const run = async (label: string, text: string) => {
    const started = performance.now();
    const r = await ctx.services.finess.importBytes(actor, Buffer.from(text, 'utf8'), { dryRun: false });
    const ms = performance.now() - started;
    console.log(
      `${label} : ${(ms / 1000).toFixed(1)} s — créées ${r.report.crees}, modifiées ${r.report.modifies}, ` +
        `arrêtées ${r.report.arretes}, inchangées ${r.report.inchanges}, erreurs ${r.report.erreurs.length}`,
    );
  };
  try {
    await run('premier import', first.text);
    await run('même fichier', first.text);
    await run('extraction plus récente (1 sur 10 absent)', dropped);
    console.log(
      `charge à la fin : ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
  } finally {
    await clear();
    await ctx.close();
  }
}

await main();
