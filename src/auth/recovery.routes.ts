import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageOut } from '../domain/auth/responses.ts';
import { forgotPasswordInput, resetPasswordInput } from '../domain/auth/schemas.ts';
import { errorResponses } from '../domain/kernel/responses.ts';
import type { PasswordResetService } from './password-reset.service.ts';

const tags = ['Comptes'];

/** « Mot de passe oublié » and the reset link (src/auth/README.md lists their French messages). */
export function recoveryRoutes(resets: PasswordResetService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/mot-de-passe-oublie',
      {
        schema: {
          tags,
          summary:
            'Demander un lien de réinitialisation du mot de passe (202, même réponse que le compte existe ou non)',
          body: forgotPasswordInput,
          response: { 202: messageOut, ...errorResponses(400, 429) },
        },
      },
      async (req, reply) => reply.status(202).send(resets.request(req.body.email, req.ip)),
    );

    app.post(
      '/api/auth/reinitialisation',
      {
        schema: {
          tags,
          summary:
            'Choisir un nouveau mot de passe avec le jeton du lien reçu (met fin aux sessions du compte)',
          body: resetPasswordInput,
          response: { 200: messageOut, ...errorResponses(400, 409) },
        },
      },
      async (req) => resets.reset(req.body.jeton, req.body.motDePasse),
    );
  };
}
