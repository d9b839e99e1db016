import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { outboxFileParams, outboxMessage, outboxPage, outboxQuery } from '../domain/kernel/outbox.ts';
import { errorResponses } from '../domain/kernel/responses.ts';
import type { OutboxService } from './outbox.service.ts';

const tags = ['Système'];

export function outboxRoutes(outbox: OutboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/boite-envoi',
      {
        schema: {
          tags,
          summary: 'Messages écrits dans la boîte d’envoi (sans serveur SMTP), les plus récents d’abord',
          querystring: outboxQuery,
          response: { 200: outboxPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', 'no-store').send(await outbox.list(req.actor, req.query)),
    );
    app.get(
      '/api/boite-envoi/:fichier',
      {
        schema: {
          tags,
          summary: 'Un message de la boîte d’envoi, texte décodé',
          params: outboxFileParams,
          response: { 200: outboxMessage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', 'no-store').send(await outbox.read(req.actor, req.params.fichier)),
    );
  };
}
