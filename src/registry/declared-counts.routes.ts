import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/kernel/responses.ts';
import { declaredCountList, declaredCountQuery } from '../domain/registry/declared-counts.ts';
import type { DeclaredCountService } from './declared-counts.service.ts';

export function declaredCountRoutes(service: DeclaredCountService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/decomptes-declares',
      {
        schema: {
          tags: ['Dynamiques'],
          summary: 'Décomptes publiés par une source sans liste nominative (par région, département, type)',
          querystring: declaredCountQuery,
          response: { 200: declaredCountList, ...errorResponses(400) },
        },
      },
      async (req) => service.list(req.actor, req.query),
    );
  };
}
