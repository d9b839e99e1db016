import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/kernel/responses.ts';
import { dynamicLinksOut } from '../domain/registry/responses.ts';
import { dynamicIdParams } from '../domain/registry/schemas.ts';
import type { LinksService } from './links.service.ts';

export function linksRoutes(links: LinksService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dynamiques/:id/liens',
      {
        schema: {
          tags: ['Dynamiques'],
          summary: 'Liens typés de la dynamique, dans les deux sens',
          description:
            '`sortants` : les liens que la fiche déclare (« volet santé mentale de … ») ; `entrants` : ceux que ' +
            'd’autres fiches déclarent vers elle, lus depuis elle (« a pour volet santé mentale … »).',
          params: dynamicIdParams,
          response: { 200: dynamicLinksOut, ...errorResponses(400, 404) },
        },
      },
      async (req) => links.of(req.actor, req.params.id),
    );
  };
}
