import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, fileResponse, GEOJSON, JSON_TEXT, notModified } from '../domain/kernel/responses.ts';
import { contourParams, contourQuery } from '../domain/territories/contour-schemas.ts';
import type { ContoursService } from './contours.service.ts';

export function contoursRoutes(service: ContoursService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/contours/:niveau',
      {
        schema: {
          tags: ['Territoires'],
          summary: 'Contours pour les cartes (GeoJSON, ou TopoJSON avec format=topojson)',
          description:
            'Filtrer par région ou département ; les niveaux commune et qpv exigent l’un des deux. ' +
            'Niveau qpv : périmètre du quartier s’il a été importé, sinon ses communes (propriété perimetre). ' +
            'Propriétés de chaque entité : code, nom. 409 tant que les contours ne sont pas importés.',
          params: contourParams,
          querystring: contourQuery,
          // The stored GeoJSON is spliced into the body as text, never parsed nor serialized again.
          response: {
            200: fileResponse('FeatureCollection GeoJSON, ou topologie TopoJSON', [GEOJSON, JSON_TEXT]),
            304: notModified,
            ...errorResponses(400, 409),
          },
        },
      },
      async (req, reply) => {
        const ifNoneMatch = req.headers['if-none-match'];
        const result = await service.contours(req.actor, { ...req.params, ...req.query }, ifNoneMatch);
        reply.header('etag', result.etag).header('cache-control', 'public, max-age=300');
        if (result.notModified) return reply.status(304).send();
        return reply.type(result.contentType).send(result.body);
      },
    );
  };
}
