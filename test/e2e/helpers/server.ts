import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../src/context.ts';
import { systemActor } from '../../../src/domain/actor.ts';
import { buildApp } from '../../../src/http/app.ts';
import { OutboxMailer } from '../../../src/kernel/mail/outbox-mailer.ts';
import { type IdentitySettings, resolveIdentity } from '../../../src/operator-identity.ts';
import { ensureWebBuild, WEB_OUT_DIR } from '../../../web/build/ensure-build.ts';
import { actAsAdministrator, createTestContext } from '../../helpers/context.ts';

export interface WebApp {
  ctx: AppContext;
  /** `inject` acts as an administrator (see actAsAdministrator). */
  app: FastifyInstance;
  url: string;
  /** An administrator account to sign in with in the browser. */
  admin: { email: string; password: string };
  close(): Promise<void>;
}

/** The real application (API and built web interface) listening on a free local port. */
export async function startWebApp(identity: IdentitySettings = {}): Promise<WebApp> {
  await ensureWebBuild();
  // Messages go to a private outbox, never into the repository's data directory.
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-e2e-outbox-'));
  const ctx = await createTestContext({ mailer: new OutboxMailer(outbox, 'odts-e2e@exemple.fr') });
  await ctx.services.territories.warm();
  const app = await buildApp(ctx, {
    webDir: WEB_OUT_DIR,
    strictResponses: true,
    identity: resolveIdentity(identity),
  });
  await actAsAdministrator(ctx, app);
  const admin = {
    email: `admin-${process.pid}-${Date.now()}@example.org`,
    password: 'mot de passe de test e2e',
  };
  await ctx.services.auth.addUser(systemActor('tests'), {
    email: admin.email,
    nom: 'Administratrice e2e',
    role: 'administrateur',
    regions: [],
    dynamiques: [],
    motDePasse: admin.password,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    ctx,
    app,
    url: `http://127.0.0.1:${port}`,
    admin,
    close: async () => {
      await app.close();
      await ctx.close();
      fs.rmSync(outbox, { recursive: true, force: true });
    },
  };
}
