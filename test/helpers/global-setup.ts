import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { importCog } from '../../src/reference/cog/import-cog.ts';
import { ReferenceRepository } from '../../src/reference/reference.repository.ts';
import { ensureTemplate } from './template.ts';

/** Runs once before all test files: prepares the reference database they start from. */
export default async function setup() {
  process.env.TZ = 'UTC';
  if (process.env.DATABASE_URL) {
    const database = await openDatabase({ url: process.env.DATABASE_URL });
    try {
      await migrate(database.db);
      await importCog(new ReferenceRepository(database.db));
    } finally {
      await database.close();
    }
    return;
  }
  await ensureTemplate();
}
