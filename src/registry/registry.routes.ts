import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyList } from '../domain/kernel/history.ts';
import {
  CSV,
  errorResponses,
  GEOJSON,
  jsonOrFileResponse,
  noContent,
  XLSX,
} from '../domain/kernel/responses.ts';
import { dynamicPage, presentedDynamic } from '../domain/registry/responses.ts';
import { dateQuery, dynamicIdParams, dynamicInput, dynamicListQuery } from '../domain/registry/schemas.ts';
import { etagOf, expectedVersion } from '../kernel/http/conditional.ts';
import type { RegistryExports } from './exports/registry-exports.ts';
import type { RegistryService } from './registry.service.ts';

const tags = ['Dynamiques'];

export function registryRoutes(
  service: RegistryService,
  exportsService: RegistryExports,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dynamiques',
      {
        schema: {
          tags,
          summary: 'Lister et filtrer les dynamiques (état à une date), export CSV/XLSX/GeoJSON',
          querystring: dynamicListQuery,
          response: {
            200: jsonOrFileResponse('Une page de dynamiques, ou toute la liste en fichier', dynamicPage, [
              CSV,
              XLSX,
              GEOJSON,
            ]),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        if (req.query.format === 'json') return service.list(req.actor, req.query);
        const file = await exportsService.export(req.actor, req.query);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.post(
      '/api/dynamiques',
      {
        schema: {
          tags,
          summary: 'Créer une dynamique',
          body: dynamicInput,
          response: { 201: presentedDynamic, ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const created = await service.create(req.actor, req.body);
        if (!created) throw new Error('creation without record');
        return reply.status(201).header('etag', etagOf(created.version)).send(created);
      },
    );

    app.get(
      '/api/dynamiques/:id',
      {
        schema: {
          tags,
          summary: 'Fiche d’une dynamique (état à une date)',
          params: dynamicIdParams,
          querystring: dateQuery,
          response: { 200: presentedDynamic, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const record = await service.get(req.actor, req.params.id, req.query.date);
        return reply.header('etag', etagOf(record.version)).send(record);
      },
    );

    app.put(
      '/api/dynamiques/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une dynamique (If-Match obligatoire)',
          params: dynamicIdParams,
          body: dynamicInput,
          response: { 200: presentedDynamic, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const record = await service.update(
          req.actor,
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(record.version)).send(record);
      },
    );

    app.delete(
      '/api/dynamiques/:id',
      {
        schema: {
          tags,
          summary: 'Supprimer une dynamique (If-Match obligatoire)',
          params: dynamicIdParams,
          response: { 204: noContent, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        await service.remove(req.actor, req.params.id, expectedVersion(req.headers['if-match']));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/dynamiques/:id/historique',
      {
        schema: {
          tags,
          summary: 'Historique des modifications : qui, quand, avant, après',
          params: dynamicIdParams,
          response: { 200: historyList, ...errorResponses(400, 404) },
        },
      },
      async (req) => service.historyOf(req.actor, req.params.id),
    );
  };
}
