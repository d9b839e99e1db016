import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providersOut } from '../../domain/auth/responses.ts';
import { AppError } from '../../domain/errors.ts';
import { errorResponses, redirection } from '../../domain/kernel/responses.ts';
import { readCookies, sessionCookies } from '../http-auth.ts';
import { type OidcLogin, OidcRefusal } from './oidc-login.ts';

const tags = ['Comptes'];
const PENDING_COOKIE = 'odts_oidc';
const COOKIE_PATH = '/api/auth/oidc';

/** Where a refused login lands: the login page, which shows `erreur`. */
export const refusalLocation = (message: string) => `/connexion?erreur=${encodeURIComponent(message)}`;

/** OpenID Connect login (optional) and the list of ways to sign in. */
export function oidcRoutes(
  oidc: OidcLogin | null,
  options: { secureCookies: boolean },
): FastifyPluginAsyncZod {
  const secure = options.secureCookies ? '; Secure' : '';
  // Lax, not Strict: the provider brings the browser back with a top-level GET from its own site.
  const pendingCookie = (value: string, maxAge: number) =>
    `${PENDING_COOKIE}=${value}; HttpOnly; Path=${COOKIE_PATH}; SameSite=Lax; Max-Age=${maxAge}${secure}`;

  return async (app) => {
    app.get(
      '/api/auth/fournisseurs',
      {
        schema: {
          tags,
          summary: 'Moyens de connexion proposés (mot de passe, OpenID Connect et son libellé)',
          response: { 200: providersOut },
        },
      },
      async () => ({
        motDePasse: true,
        oidc: oidc ? { libelle: oidc.settings.libelle, url: COOKIE_PATH } : null,
      }),
    );

    app.get(
      COOKIE_PATH,
      {
        schema: {
          tags,
          summary: 'Se connecter par OpenID Connect : redirige vers le fournisseur d’identité',
          response: {
            302: redirection('Vers la page de connexion du fournisseur d’identité'),
            ...errorResponses(404, 503),
          },
        },
      },
      async (_req, reply) => {
        if (!oidc) throw new AppError('not_found', 'La connexion OpenID Connect n’est pas configurée');
        const { url, sealed } = await oidc.start();
        return reply.header('set-cookie', pendingCookie(sealed, 600)).redirect(url, 302);
      },
    );

    app.get(
      `${COOKIE_PATH}/retour`,
      {
        schema: {
          tags,
          summary:
            'Retour du fournisseur d’identité : ouvre la session et redirige vers / (ou vers /connexion?erreur=… en cas de refus)',
          response: { 302: redirection('Vers / une fois connecté, vers /connexion?erreur=… sinon') },
        },
      },
      async (req, reply) => {
        const query = new URLSearchParams(req.url.split('?')[1] ?? '');
        const cleared = pendingCookie('', 0);
        if (!oidc) {
          return reply.redirect(refusalLocation('La connexion OpenID Connect n’est pas configurée.'), 302);
        }
        try {
          const session = await oidc.finish(query, readCookies(req.headers.cookie).get(PENDING_COOKIE));
          const cookies = sessionCookies(
            session.secret,
            session.csrf,
            session.expires,
            options.secureCookies,
          );
          return reply.header('set-cookie', [...cookies, cleared]).redirect('/', 302);
        } catch (e) {
          if (!(e instanceof OidcRefusal)) throw e;
          return reply.header('set-cookie', cleared).redirect(refusalLocation(e.message), 302);
        }
      },
    );
  };
}
