import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../src/context.ts';
import { buildApp } from '../../../src/http/app.ts';
import { ensureWebBuild, WEB_OUT_DIR } from '../../../web/build/ensure-build.ts';
import { createTestContext } from '../../helpers/context.ts';

export interface WebApp {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The real application (API and built web interface) listening on a free local port. */
export async function startWebApp(): Promise<WebApp> {
  await ensureWebBuild();
  const ctx = await createTestContext();
  await ctx.services.territories.warm();
  const app = await buildApp(ctx, { webDir: WEB_OUT_DIR, strictResponses: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    ctx,
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
