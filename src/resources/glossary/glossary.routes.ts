import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { glossaryList, presentedTerm } from '../../domain/glossary/responses.ts';
import { glossaryKeyParams, glossarySearchQuery, glossaryTermInput } from '../../domain/glossary/schemas.ts';
import { historyList } from '../../domain/kernel/history.ts';
import { errorResponses, noContent } from '../../domain/kernel/responses.ts';
import { etagOf, expectedVersion } from '../../kernel/http/conditional.ts';
import type { GlossaryService } from './glossary.service.ts';

const tags = ['Glossaire'];

export function glossaryRoutes(glossary: GlossaryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/glossaire',
      {
        schema: {
          tags,
          summary: 'Chercher dans le glossaire (sigle, forme développée, définition ; sans accents ni casse)',
          querystring: glossarySearchQuery,
          response: { 200: glossaryList, ...errorResponses(400) },
        },
      },
      async (req) => glossary.search(req.actor, req.query),
    );

    app.post(
      '/api/glossaire',
      {
        schema: {
          tags,
          summary: 'Ajouter une entrée au glossaire',
          body: glossaryTermInput,
          response: { 201: presentedTerm, ...errorResponses(400, 409) },
        },
      },
      async (req, reply) => {
        const created = await glossary.create(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(created.version)).send(created);
      },
    );

    app.get(
      '/api/glossaire/:sigle',
      {
        schema: {
          tags,
          summary: 'Une entrée du glossaire (sigle ou clé)',
          params: glossaryKeyParams,
          response: { 200: presentedTerm, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const term = await glossary.get(req.actor, req.params.sigle);
        return reply.header('etag', etagOf(term.version)).send(term);
      },
    );

    app.put(
      '/api/glossaire/:sigle',
      {
        schema: {
          tags,
          summary: 'Modifier une entrée du glossaire (If-Match obligatoire)',
          params: glossaryKeyParams,
          body: glossaryTermInput,
          response: { 200: presentedTerm, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const term = await glossary.update(
          req.actor,
          req.params.sigle,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(term.version)).send(term);
      },
    );

    app.delete(
      '/api/glossaire/:sigle',
      {
        schema: {
          tags,
          summary: 'Supprimer une entrée du glossaire (If-Match obligatoire)',
          params: glossaryKeyParams,
          response: { 204: noContent, ...errorResponses(400, 404, 409, 412, 428) },
        },
      },
      async (req, reply) => {
        await glossary.remove(req.actor, req.params.sigle, expectedVersion(req.headers['if-match']));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/glossaire/:sigle/historique',
      {
        schema: {
          tags,
          summary: 'Historique d’une entrée du glossaire : qui, quand, avant, après',
          params: glossaryKeyParams,
          response: { 200: historyList, ...errorResponses(400, 404) },
        },
      },
      async (req) => glossary.historyOf(req.actor, req.params.sigle),
    );
  };
}
