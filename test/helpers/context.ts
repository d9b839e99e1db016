import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { type AppContext, createContext } from '../../src/context.ts';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { templatePath } from './template.ts';

/**
 * A context on a real database with the full reference loaded: the configured PostgreSQL server when
 * DATABASE_URL is set, else a private in-memory PGlite restored from the template dump.
 */
export async function createTestContext(): Promise<AppContext> {
  const url = process.env.DATABASE_URL;
  if (url) return createContext(await openDatabase({ url }));
  const dump = fs.readFileSync(templatePath());
  return createContext(await openDatabase({ loadDataDir: new Blob([dump]) }));
}

export async function createTestApp(): Promise<{
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}> {
  const ctx = await createTestContext();
  const app = await buildApp(ctx, { strictResponses: true });
  return {
    ctx,
    app,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
