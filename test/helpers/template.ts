import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { listMigrationFiles, migrate } from '../../src/db/migrate.ts';
import { cogPackageVintage, importCog } from '../../src/reference/cog/import-cog.ts';
import { ReferenceRepository } from '../../src/reference/reference.repository.ts';

const CACHE_DIR = path.resolve('node_modules/.cache/odts-test');

/**
 * A PGlite database with migrations and the full reference loaded, dumped once and reloaded by each
 * test file in a fraction of the import time. Its name changes when migrations or the package change.
 */
export function templatePath(): string {
  const migrations = listMigrationFiles()
    .map((m) => `${m.version}-${fs.statSync(m.file).size}-${fs.statSync(m.file).mtimeMs}`)
    .join('_');
  const key = createHash('sha256')
    .update(`${migrations}|${cogPackageVintage()}`)
    .digest('base64url')
    .slice(0, 32);
  return path.join(CACHE_DIR, `reference-${key}.tar.gz`);
}

export async function ensureTemplate(): Promise<string> {
  const file = templatePath();
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const database = await openDatabase({});
  await migrate(database.db);
  await importCog(new ReferenceRepository(database.db));
  const dump = await dumpPGlite(database);
  fs.writeFileSync(`${file}.tmp`, dump);
  fs.renameSync(`${file}.tmp`, file);
  await database.close();
  return file;
}

async function dumpPGlite(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Buffer> {
  if (!database.pglite) throw new Error('template is only for PGlite');
  const blob = await database.pglite.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}
