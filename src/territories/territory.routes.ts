import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/kernel/responses.ts';
import { qpvListQuery, qpvListResult } from '../domain/territories/qpv-list.ts';
import {
  territoryDetail,
  territoryParams,
  territorySearchQuery,
  territorySearchResult,
} from '../domain/territories/schemas.ts';
import { presentTerritoryItem } from './territory.presenter.ts';
import type { TerritoryService } from './territory.service.ts';

export function territoryRoutes(service: TerritoryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/territoires',
      {
        schema: {
          tags: ['Territoires'],
          summary: 'Rechercher un territoire par nom ou par code',
          querystring: territorySearchQuery,
          response: { 200: territorySearchResult, ...errorResponses(400) },
        },
      },
      async (req) => {
        const items = (await service.search(req.actor, req.query)).map(presentTerritoryItem);
        return { total: items.length, items };
      },
    );

    app.get(
      '/api/qpv',
      {
        schema: {
          tags: ['Territoires'],
          summary: 'Quartiers prioritaires d’un département, avec leurs communes',
          description:
            'Génération la plus récente chargée ; liste vide si la couche des QPV n’est pas chargée.',
          querystring: qpvListQuery,
          response: { 200: qpvListResult, ...errorResponses(400) },
        },
      },
      async (req) => service.qpvOfDepartement(req.actor, req.query),
    );

    app.get(
      '/api/territoires/:type/:code',
      {
        schema: {
          tags: ['Territoires'],
          summary: 'Fiche d’un territoire : population, parents et enfants',
          params: territoryParams,
          response: { 200: territoryDetail, ...errorResponses(400, 404) },
        },
      },
      async (req) => service.detail(req.actor, req.params.type, req.params.code),
    );
  };
}
