import { loadConfig } from '../config.ts';
import { type AppContext, openContext } from '../context.ts';
import { migrate } from '../db/migrate.ts';

/** Opens the configured database with migrations applied, runs `fn`, always closes. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    await migrate(ctx.database.db);
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
