import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginOut, meOut, tokenCreated, tokenList, userList, userOut } from '../domain/auth/responses.ts';
import {
  loginInput,
  passwordChange,
  tokenInput,
  userIdParams,
  userInput,
  userUpdate,
} from '../domain/auth/schemas.ts';
import { errorResponses, noContent } from '../domain/kernel/responses.ts';
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
      {
        schema: {
          tags,
          summary: 'Se connecter (cookie de session)',
          body: loginInput,
          response: { 200: loginOut, ...errorResponses(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const session = await auth.login(req.body, req.ip);
        reply.header(
          'set-cookie',
          sessionCookies(session.secret, session.csrf, session.expires, options.secureCookies),
        );
        return { utilisateur: session.utilisateur, csrf: session.csrf };
      },
    );

    app.post(
      '/api/auth/deconnexion',
      { schema: { tags, summary: 'Se déconnecter', response: { 204: noContent } } },
      async (req, reply) => {
        await auth.logout(readCookies(req.headers.cookie).get(SESSION_COOKIE));
        reply.header('set-cookie', clearedCookies());
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/moi',
      {
        schema: {
          tags,
          summary: 'Le compte connecté et ses permissions',
          response: { 200: meOut, ...errorResponses(401) },
        },
      },
      async (req) => ({
        ...(await auth.me(req.actor)),
        csrf: readCookies(req.headers.cookie).get(CSRF_COOKIE) ?? null,
      }),
    );

    app.put(
      '/api/moi/mot-de-passe',
      {
        schema: {
          tags,
          summary: 'Changer son mot de passe',
          body: passwordChange,
          response: { 204: noContent, ...errorResponses(400, 401) },
        },
      },
      async (req, reply) => {
        await auth.changeOwnPassword(req.actor, req.body.ancien, req.body.nouveau);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/utilisateurs',
      {
        schema: {
          tags,
          summary: 'Comptes (administrateurs)',
          response: { 200: userList, ...errorResponses(401, 403) },
        },
      },
      async (req) => auth.listUsers(req.actor),
    );

    app.post(
      '/api/utilisateurs',
      {
        schema: {
          tags,
          summary: 'Créer un compte',
          body: userInput,
          response: { 201: userOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const user = await auth.addUser(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(user.version)).send(user);
      },
    );

    app.get(
      '/api/utilisateurs/:id',
      {
        schema: {
          tags,
          summary: 'Un compte',
          params: userIdParams,
          response: { 200: userOut, ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const user = await auth.getUser(req.actor, req.params.id);
        return reply.header('etag', etagOf(user.version)).send(user);
      },
    );

    app.put(
      '/api/utilisateurs/:id',
      {
        schema: {
          tags,
          summary: 'Modifier un compte (If-Match)',
          params: userIdParams,
          body: userUpdate,
          response: { 200: userOut, ...errorResponses(400, 401, 403, 404, 412, 428) },
        },
      },
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

    app.get(
      '/api/jetons',
      {
        schema: { tags, summary: 'Jetons d’API', response: { 200: tokenList, ...errorResponses(401, 403) } },
      },
      async (req) => auth.listTokens(req.actor),
    );

    app.post(
      '/api/jetons',
      {
        schema: {
          tags,
          summary: 'Créer un jeton d’API (affiché une seule fois)',
          body: tokenInput,
          response: { 201: tokenCreated, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await auth.createToken(req.actor, req.body)),
    );

    app.delete(
      '/api/jetons/:id',
      {
        schema: {
          tags,
          summary: 'Révoquer un jeton',
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 204: noContent, ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await auth.revokeToken(req.actor, req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
