import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lotIdParams, lotListQuery } from '../../domain/registry/import-schemas.ts';
import type { ChangeSetService } from './change-set.service.ts';

const tags = ['Lots de modifications'];

export function changeSetRoutes(lots: ChangeSetService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/lots',
      {
        schema: {
          tags,
          summary: 'Lister les lots de modifications (imports), les plus récents d’abord',
          querystring: lotListQuery,
        },
      },
      async (req) => lots.list(req.actor, req.query),
    );

    app.get(
      '/api/lots/:id',
      { schema: { tags, summary: 'Un lot de modifications', params: lotIdParams } },
      async (req) => lots.get(req.actor, req.params.id),
    );

    app.post(
      '/api/lots/:id/annuler',
      {
        schema: {
          tags,
          summary:
            'Annuler un lot : supprime les dynamiques ou notices créées, restaure celles modifiées (409 si modifiées depuis)',
          params: lotIdParams,
        },
      },
      async (req) => lots.revert(req.actor, req.params.id),
    );
  };
}
