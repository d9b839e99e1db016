import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginInput,
  passwordChange,
  tokenInput,
  userIdParams,
  userInput,
  userUpdate,
} from '../domain/auth/schemas.ts';
import { z } from '../domain/zod-fr.ts';
import { etagOf, expectedVersion } from '../kernel/http/conditional.ts';
import type { AuthService } from './auth.service.ts';
import { CSRF_COOKIE, clearedCookies, readCookies, SESSION_COOKIE, sessionCookies } from './http-auth.ts';

const tags = ['Comptes'];

/** Login and accounts (API.md, Accounts). `secureCookies`: behind TLS, cookies travel over HTTPS only. */
export function authRoutes(auth: AuthService, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/connexion',
      { schema: { tags, summary: 'Se connecter (cookie de session)', body: loginInput } },
      async (req, reply) => {
        const session = await auth.login(req.body, req.ip);
        reply.header(
          'set-cookie',
          sessionCookies(session.secret, session.csrf, session.expires, options.secureCookies),
        );
        return { utilisateur: session.utilisateur, csrf: session.csrf };
      },
    );

    app.post('/api/auth/deconnexion', { schema: { tags, summary: 'Se déconnecter' } }, async (req, reply) => {
      await auth.logout(readCookies(req.headers.cookie).get(SESSION_COOKIE));
      reply.header('set-cookie', clearedCookies());
      return reply.status(204).send();
    });

    app.get(
      '/api/moi',
      { schema: { tags, summary: 'Le compte connecté et ses permissions' } },
      async (req) => ({
        ...(await auth.me(req.actor)),
        csrf: readCookies(req.headers.cookie).get(CSRF_COOKIE) ?? null,
      }),
    );

    app.put(
      '/api/moi/mot-de-passe',
      { schema: { tags, summary: 'Changer son mot de passe', body: passwordChange } },
      async (req, reply) => {
        await auth.changeOwnPassword(req.actor, req.body.ancien, req.body.nouveau);
        return reply.status(204).send();
      },
    );

    app.get('/api/utilisateurs', { schema: { tags, summary: 'Comptes (administrateurs)' } }, async (req) =>
      auth.listUsers(req.actor),
    );

    app.post(
      '/api/utilisateurs',
      { schema: { tags, summary: 'Créer un compte', body: userInput } },
      async (req, reply) => {
        const user = await auth.addUser(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(user.version)).send(user);
      },
    );

    app.get(
      '/api/utilisateurs/:id',
      { schema: { tags, summary: 'Un compte', params: userIdParams } },
      async (req, reply) => {
        const user = await auth.getUser(req.actor, req.params.id);
        return reply.header('etag', etagOf(user.version)).send(user);
      },
    );

    app.put(
      '/api/utilisateurs/:id',
      { schema: { tags, summary: 'Modifier un compte (If-Match)', params: userIdParams, body: userUpdate } },
      async (req, reply) => {
        const user = await auth.updateUser(
          req.actor,
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(user.version)).send(user);
      },
    );

    app.get('/api/jetons', { schema: { tags, summary: 'Jetons d’API' } }, async (req) =>
      auth.listTokens(req.actor),
    );

    app.post(
      '/api/jetons',
      { schema: { tags, summary: 'Créer un jeton d’API (affiché une seule fois)', body: tokenInput } },
      async (req, reply) => reply.status(201).send(await auth.createToken(req.actor, req.body)),
    );

    app.delete(
      '/api/jetons/:id',
      {
        schema: { tags, summary: 'Révoquer un jeton', params: z.object({ id: z.string().min(1).max(100) }) },
      },
      async (req, reply) => {
        await auth.revokeToken(req.actor, req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
