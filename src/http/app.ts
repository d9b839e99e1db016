import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { actionsModuleRoutes } from '../actions/actions.routes.ts';
import { analyticsRoutes } from '../analytics/analytics.routes.ts';
import { coordinatedCareRoutes } from '../analytics/coordinated-care.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { registerAuth } from '../auth/http-auth.ts';
import { oidcRoutes } from '../auth/oidc/oidc.routes.ts';
import { personalDataRoutes } from '../auth/personal-data.routes.ts';
import { recoveryRoutes } from '../auth/recovery.routes.ts';
import { campaignRoutes } from '../campaigns/campaign.routes.ts';
import type { AppContext } from '../context.ts';
import { contoursRoutes } from '../contours/contours.routes.ts';
import { cycleRoutes } from '../cycle/cycle.routes.ts';
import { untilWritten } from '../db/write-counter.ts';
import type { Actor } from '../domain/actor.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { changeSetRoutes } from '../kernel/changesets/change-set.routes.ts';
import { auditRoutes } from '../kernel/history/audit.routes.ts';
import { restoreRoutes } from '../kernel/history/restore.routes.ts';
import { CoalescedRead } from '../lib/coalesced-read.ts';
import { DEFAULT_OPERATOR_IDENTITY, type OperatorIdentity } from '../operator-identity.ts';
import { backupRoutes } from '../ops/backup.routes.ts';
import { outboxRoutes } from '../ops/outbox.routes.ts';
import { finessRoutes } from '../reference/finess/finess.routes.ts';
import { declaredCountRoutes } from '../registry/declared-counts.routes.ts';
import { importRoutes } from '../registry/imports/import.routes.ts';
import { linksRoutes } from '../registry/links.routes.ts';
import { registryRoutes } from '../registry/registry.routes.ts';
import { actionsSummaryRoutes } from '../reports/actions-summary.routes.ts';
import { dossierElusRoutes } from '../reports/dossier-elus.routes.ts';
import { reportRoutes } from '../reports/report.routes.ts';
import { resourceRoutes } from '../resources/resources.routes.ts';
import { territoryRoutes } from '../territories/territory.routes.ts';
import { DataStampRepository } from './data-stamp.repository.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.ts';
import { identityRoutes } from './identity.routes.ts';
import { CACHED_PUBLIC_ROUTES, registerResponseCache } from './response-cache.ts';
import { responseSerializer } from './response-serializer.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { storableValidatorCompiler } from './validator.ts';
import { registerWebApp, WEB_DIST_DIR } from './web.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** Every route registered, as `{method, url}` (the access-rule test walks it). */
    routeList: { method: string; url: string }[];
  }
}

export interface AppOptions {
  logLevel?: string;
  /** Built web application to serve beside the API (default dist/web when built); false: API only. */
  webDir?: string | false;
  /** Session cookies only over HTTPS (behind TLS). */
  secureCookies?: boolean;
  /** Fail a response carrying a field its schema does not declare (tests), instead of dropping it. */
  strictResponses?: boolean;
  /** The operator shown by the interface and /api/identite (ODTS_NOM…, src/operator-identity.ts). */
  identity?: OperatorIdentity;
  /** Keep public answers to anonymous reads (src/http/response-cache.ts); on by default. */
  responseCache?: boolean;
}

/** Builds the HTTP application without listening, so tests call it in-process with `inject()`. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    // Long search strings must reach validation to get a French 400, not a generic 414.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 20 * 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(storableValidatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.strictResponses ?? false));
  app.decorateRequest<Actor | null>('actor', null);
  registerErrorHandler(app);
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url ?? r.path });
  });
  registerAuth(app, ctx.services.auth);
  if (options.responseCache !== false) {
    const repo = new DataStampRepository(ctx.database.db);
    const stamp = new CoalescedRead(untilWritten(() => repo.read(), ctx.database.writes));
    // While an import or a revert holds the database, the stamp of the committed state stands (as the
    // analyses' snapshot does): a cached answer is not made to wait for the write's commit.
    const current = ctx.longWrites.remembered(() => stamp.current());
    registerResponseCache(app, { stamp: current, routes: CACHED_PUBLIC_ROUTES });
  }
  registerSecurityHeaders(app, { hsts: options.secureCookies ?? false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Observatoire DTS — API publique',
        description: 'Registre, territoires et analyses des dynamiques territoriales de santé.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    // Schemas named with `.meta({ id })` (records, errors) become components, referenced by every route.
    transformObject: jsonSchemaTransformObject,
  });

  const identity = options.identity ?? DEFAULT_OPERATOR_IDENTITY;
  await app.register(healthRoutes(ctx.services.health));
  await app.register(identityRoutes(identity));
  const secureCookies = options.secureCookies ?? false;
  await app.register(authRoutes(ctx.services.auth, { secureCookies }));
  await app.register(recoveryRoutes(ctx.services.passwordResets));
  await app.register(oidcRoutes(ctx.services.oidc, { secureCookies }));
  await app.register(personalDataRoutes(ctx.services.personalData));
  await app.register(auditRoutes(ctx.services.audit));
  await app.register(restoreRoutes(ctx.services.restore));
  await app.register(territoryRoutes(ctx.services.territories));
  await app.register(contoursRoutes(ctx.services.contours));
  await app.register(registryRoutes(ctx.services.registry, ctx.services.registryExports));
  await app.register(linksRoutes(ctx.services.links));
  await app.register(declaredCountRoutes(ctx.services.declaredCounts));
  await app.register(importRoutes(ctx.services.imports));
  await app.register(finessRoutes(ctx.services.finess));
  await app.register(changeSetRoutes(ctx.services.lots));
  await app.register(analyticsRoutes(ctx.services.analytics, ctx.services.profiles));
  await app.register(coordinatedCareRoutes(ctx.services.coordinatedCare));
  await app.register(reportRoutes(ctx.services.reports));
  await app.register(actionsSummaryRoutes(ctx.services.actionsSummary));
  await app.register(dossierElusRoutes(ctx.services.dossiersElus));
  await app.register(resourceRoutes(ctx.services.resources));
  await app.register(actionsModuleRoutes(ctx.services.actions));
  await app.register(campaignRoutes(ctx.services.campaigns));
  await app.register(cycleRoutes(ctx.services.cycle));
  await app.register(backupRoutes(ctx.services.backups));
  await app.register(outboxRoutes(ctx.services.outbox));

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  if (options.webDir !== false) await registerWebApp(app, options.webDir ?? WEB_DIST_DIR, identity);
  return app;
}
