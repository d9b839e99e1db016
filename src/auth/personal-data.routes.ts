import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { erasureOut, personalDataOut } from '../domain/auth/responses.ts';
import { personInput, userIdParams } from '../domain/auth/schemas.ts';
import { errorResponses } from '../domain/kernel/responses.ts';
import type { PersonalDataService } from './personal-data.service.ts';

const tags = ['Données personnelles'];

/** Export and erasure of a person's data (RGPD). */
export function personalDataRoutes(data: PersonalDataService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/utilisateurs/:id/donnees',
      {
        schema: {
          tags,
          summary: 'Données personnelles d’un compte (export RGPD, administrateurs)',
          params: userIdParams,
          response: { 200: personalDataOut, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => data.exportOfUser(req.actor, req.params.id),
    );

    app.get(
      '/api/moi/donnees',
      {
        schema: {
          tags,
          summary: 'Mes données personnelles (export RGPD)',
          response: { 200: personalDataOut, ...errorResponses(401, 404) },
        },
      },
      async (req) => data.exportOwn(req.actor),
    );

    app.post(
      '/api/personnes/effacement',
      {
        schema: {
          tags,
          summary:
            'Effacer les données d’une personne : compte anonymisé et désactivé, contacts retirés des dynamiques, historique pseudonymisé',
          body: personInput,
          response: { 200: erasureOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req) => data.erase(req.actor, req.body.email),
    );
  };
}
