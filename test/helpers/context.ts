import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppContext, type ContextSettings, createContext } from '../../src/context.ts';
import { openDatabase } from '../../src/db/database.ts';
import { systemActor } from '../../src/domain/actor.ts';
import type { Role } from '../../src/domain/auth/roles.ts';
import { buildApp } from '../../src/http/app.ts';
import { templatePath } from './template.ts';

/**
 * A context on a real database with the full reference loaded: the configured PostgreSQL server when
 * DATABASE_URL is set, else a private in-memory PGlite restored from the template dump.
 */
export async function createTestContext(settings: ContextSettings = {}): Promise<AppContext> {
  const url = process.env.DATABASE_URL;
  if (url) return createContext(await openDatabase({ url }), settings);
  const dump = fs.readFileSync(templatePath());
  return createContext(await openDatabase({ loadDataDir: new Blob([dump]) }), settings);
}

/** How history and change sets name the administrator that `createTestApp().app.inject` acts as. */
export const TEST_ADMIN = 'jeton « tests administrateur »';

export interface TestApp {
  ctx: AppContext;
  /**
   * The application. Its `inject` acts as a signed-in administrator (an API token) unless the request
   * names its own `authorization` or `cookie`.
   */
  app: FastifyInstance;
  /** The same application called by a visitor with no account. */
  anonymous: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Every route registered, as `{method, url}`. */
  routes: { method: string; url: string }[];
  /** A fresh API token with that role (and régions). */
  tokenFor(role: Role, regions?: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Makes `app.inject` act as an administrator (an API token) unless a request names its own
 * `authorization` or `cookie`; answers the raw inject for visitors and a way to get tokens of any role.
 */
export async function actAsAdministrator(ctx: AppContext, app: FastifyInstance) {
  const tokenFor = async (role: Role, regions: string[] = []) =>
    (await ctx.services.auth.createToken(systemActor('tests'), { role, regions, libelle: `tests ${role}` }))
      .jeton;
  const admin = `Bearer ${await tokenFor('administrateur')}`;
  const inject = app.inject.bind(app);
  app.inject = ((opts: InjectOptions | string) => {
    if (typeof opts === 'string') return inject({ url: opts, headers: { authorization: admin } });
    const headers = { ...((opts.headers as Record<string, string>) ?? {}) };
    if (!headers.authorization && !headers.cookie) headers.authorization = admin;
    return inject({ ...opts, headers });
  }) as FastifyInstance['inject'];
  return { tokenFor, anonymous: (opts: InjectOptions) => inject(opts) as Promise<LightMyRequestResponse> };
}

/** `settings`: a mailer writing to a test outbox, an OpenID Connect provider… */
export async function createTestApp(settings: ContextSettings = {}): Promise<TestApp> {
  const ctx = await createTestContext(settings);
  const app = await buildApp(ctx, { strictResponses: true });
  const { tokenFor, anonymous } = await actAsAdministrator(ctx, app);
  return {
    ctx,
    app,
    anonymous,
    routes: app.routeList,
    tokenFor,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
