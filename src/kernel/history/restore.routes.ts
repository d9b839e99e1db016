import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../domain/kernel/responses.ts';
import { restoreInput, restoreOut, restoreParams } from '../../domain/kernel/restore.ts';
import { etagOf, expectedVersion } from '../http/conditional.ts';
import type { RestoreService } from './restore.ts';

export function restoreRoutes(restore: RestoreService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/historique/:entite/:id/restaurer',
      {
        schema: {
          tags: ['Journal des modifications'],
          summary:
            'Restaurer une version antérieure (dynamique, notice, action) : elle est réécrite comme nouvelle version (If-Match sur la version actuelle) ; une fiche supprimée est recréée (If-Match sur la version supprimée)',
          params: restoreParams,
          body: restoreInput,
          response: { 200: restoreOut, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
        },
      },
      async (req, reply) => {
        const done = await restore.restore(
          req.actor,
          req.params.entite,
          req.params.id,
          req.body.version,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(done.version)).send(done);
      },
    );
  };
}
