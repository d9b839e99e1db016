import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyList } from '../domain/kernel/history.ts';
import { CSV, errorResponses, fileResponse, noContent } from '../domain/kernel/responses.ts';
import {
  duplicateCheckResult,
  noticeDetail,
  noticeResults,
  vocabulariesOut,
} from '../domain/resources/responses.ts';
import {
  duplicateCheckInput,
  noticeExportQuery,
  noticeIdParams,
  noticeInput,
  noticeSearchQuery,
} from '../domain/resources/schemas.ts';
import { etagOf, expectedVersion } from '../kernel/http/conditional.ts';
import type { NoticeExportService } from './exports/notice-export.service.ts';
import type { NoticeService } from './notice.service.ts';
import type { NoticeSearchService } from './notice-search.service.ts';
import { vocabularies } from './vocabularies.ts';

const tags = ['Ressources'];

export function noticeRoutes(
  notices: NoticeService,
  search: NoticeSearchService,
  exportsService: NoticeExportService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/ressources',
      {
        schema: {
          tags,
          summary: 'Rechercher dans la base documentaire (texte intégral en français, filtres, facettes)',
          description:
            'q : mots (tous requis), "expression exacte", OR entre deux mots, -mot pour exclure ; ' +
            'le dernier mot vaut aussi comme début de mot ; les sigles (CPTS, CLS…) sont développés.',
          querystring: noticeSearchQuery,
          response: { 200: noticeResults, ...errorResponses(400) },
        },
      },
      async (req) => search.search(req.actor, req.query),
    );

    app.get(
      '/api/ressources/export',
      {
        schema: {
          tags,
          summary:
            'Exporter les notices (mêmes filtres que la recherche) en RIS, BibTeX, CSL-JSON, CSV ou texte',
          querystring: noticeExportQuery,
          response: {
            200: fileResponse('Les notices, dans le format demandé', [
              'application/x-research-info-systems',
              'application/x-bibtex',
              'application/vnd.citationstyles.csl+json',
              CSV,
              'text/plain',
            ]),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const file = await exportsService.export(req.actor, req.query);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.get(
      '/api/ressources/vocabulaires',
      {
        schema: {
          tags,
          summary: 'Listes contrôlées : types, thèmes, publics, dispositifs, thésaurus, sigles',
          response: { 200: vocabulariesOut },
        },
      },
      async () => vocabularies(),
    );

    app.post(
      '/api/ressources/doublons',
      {
        schema: {
          tags,
          summary: 'Vérifier avant saisie : notices de même DOI, URL ou titre et année, titres proches',
          body: duplicateCheckInput,
          response: { 200: duplicateCheckResult, ...errorResponses(400) },
        },
      },
      async (req) => notices.checkDuplicate(req.actor, req.body),
    );

    app.post(
      '/api/ressources',
      {
        schema: {
          tags,
          summary: 'Créer une notice',
          body: noticeInput,
          response: { 201: noticeDetail, ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const created = await notices.create(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(created.version)).send(created);
      },
    );

    app.get(
      '/api/ressources/:id',
      {
        schema: {
          tags,
          summary: 'Une notice',
          params: noticeIdParams,
          response: { 200: noticeDetail, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const notice = await notices.get(req.actor, req.params.id);
        return reply.header('etag', etagOf(notice.version)).send(notice);
      },
    );

    app.put(
      '/api/ressources/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une notice (If-Match obligatoire)',
          params: noticeIdParams,
          body: noticeInput,
          response: { 200: noticeDetail, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const notice = await notices.update(
          req.actor,
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(notice.version)).send(notice);
      },
    );

    app.delete(
      '/api/ressources/:id',
      {
        schema: {
          tags,
          summary: 'Supprimer une notice (If-Match obligatoire)',
          params: noticeIdParams,
          response: { 204: noContent, ...errorResponses(400, 404, 409, 412, 428) },
        },
      },
      async (req, reply) => {
        await notices.remove(req.actor, req.params.id, expectedVersion(req.headers['if-match']));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/ressources/:id/historique',
      {
        schema: {
          tags,
          summary: 'Historique d’une notice : qui, quand, avant, après',
          params: noticeIdParams,
          response: { 200: historyList, ...errorResponses(400, 404) },
        },
      },
      async (req) => notices.historyOf(req.actor, req.params.id),
    );
  };
}
