import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';
import { type AuthService, requirePermission } from './auth.service.ts';
import { PUBLIC, type RouteRule, routeKey, ruleOf, SIGNED_IN } from './route-permissions.ts';

export const SESSION_COOKIE = 'odts_session';
/** Readable by the page's script, which echoes it in `X-CSRF-Token` on every write. */
export const CSRF_COOKIE = 'odts_csrf';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** How the caller proved who they are: a session cookie, a bearer token, or nothing. */
    authVia: 'cookie' | 'token' | null;
    sessionCsrf: string | null;
  }
  interface FastifyContextConfig {
    rule?: RouteRule;
  }
}

export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      out.set(name, raw);
    }
  }
  return out;
}

export function sessionCookies(secret: string, csrf: string, expires: Date, secure: boolean): string[] {
  const common = `Path=/; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=${secret}; HttpOnly; ${common}`, `${CSRF_COOKIE}=${csrf}; ${common}`];
}

export function clearedCookies(): string[] {
  const past = 'Path=/; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  return [`${SESSION_COOKIE}=; HttpOnly; ${past}`, `${CSRF_COOKIE}=; ${past}`];
}

/** A write from a page of another site is refused: its Origin must be this server's own. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new AppError('forbidden', 'Origine de la requête refusée');
    return;
  }
  let host: string;
  let own: string;
  try {
    host = new URL(origin).host;
    // Through the URL parser too, so that `localhost:80` and `localhost` compare equal.
    own = new URL(`${new URL(origin).protocol}//${req.headers.host ?? ''}`).host;
  } catch {
    throw new AppError('forbidden', 'Origine de la requête invalide');
  }
  if (host !== own) {
    throw new AppError('forbidden', `Origine refusée : ${origin} n’est pas ce serveur`);
  }
}

/**
 * Who is calling: a bearer token (scripts) or a session cookie (the web interface). A bearer header that
 * does not name a live token is refused, never treated as anonymous. Cookie-borne writes must echo the
 * session's CSRF token; every write must come from this server's origin.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) {
      const rule = ruleOf(method, url);
      if (rule === null) {
        throw new Error(
          `Route d’écriture sans règle d’accès : ${routeKey(method, url)} (src/auth/route-permissions.ts)`,
        );
      }
      if (method !== 'HEAD') route.config = { ...(route.config ?? {}), rule };
    }
  });

  app.addHook('onRequest', async (req) => {
    req.actor = anonymous;
    if (!req.url.startsWith('/api/')) return;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer\s+([\w-]{10,200})$/i.exec(authorization.trim());
      const actor = m ? await auth.tokenActor(m[1] as string) : null;
      if (!actor) throw new AppError('unauthenticated', 'Jeton d’API invalide ou révoqué');
      req.actor = actor;
      req.authVia = 'token';
      return;
    }
    const secret = readCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!secret || secret.length > 200) return;
    const session = await auth.sessionActor(secret);
    if (!session) return;
    req.actor = session.actor;
    req.authVia = 'cookie';
    req.sessionCsrf = session.csrf;
  });

  app.addHook('preValidation', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    if (WRITE_METHODS.has(req.method)) {
      checkOrigin(req);
      if (req.authVia === 'cookie' && req.headers['x-csrf-token'] !== req.sessionCsrf) {
        throw new AppError(
          'forbidden',
          'Jeton anti-falsification (X-CSRF-Token) absent ou invalide : rechargez la page',
        );
      }
    }
    const rule = req.routeOptions.config.rule;
    if (!rule || rule === PUBLIC) return;
    if (rule === SIGNED_IN) {
      if (req.actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Connexion requise');
      return;
    }
    requirePermission(req.actor, rule);
  });
}
