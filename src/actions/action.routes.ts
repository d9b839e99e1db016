import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionOut,
  actionResults,
  actionVocabulariesOut,
  gridAnalysisOut,
  settingSuggestionOut,
} from '../domain/actions/responses.ts';
import {
  actionFilters,
  actionIdParams,
  actionInput,
  actionSearchQuery,
  settingSuggestionQuery,
} from '../domain/actions/schemas.ts';
import { historyList } from '../domain/kernel/history.ts';
import { CSV, errorResponses, jsonOrFileResponse, noContent, XLSX } from '../domain/kernel/responses.ts';
import { etagOf, expectedVersion } from '../kernel/http/conditional.ts';
import type { ActionService } from './action.service.ts';
import type { ActionExports } from './action-exports.ts';
import type { ActionSearchService } from './action-search.service.ts';
import { ACTION_VOCABULARIES } from './action-vocabularies.ts';

const tags = ['Actions'];

export function actionRoutes(
  actions: ActionService,
  search: ActionSearchService,
  exportsService: ActionExports,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/actions',
      {
        schema: {
          tags,
          summary:
            'Rechercher les actions et expériences (filtres et facettes sur chaque champ de la grille)',
          description:
            'Les listes (type=fiche_action,recit_experience) acceptent n’importe laquelle de leurs valeurs ; ' +
            'les filtres se cumulent. format=csv|xlsx exporte toutes les actions trouvées.',
          querystring: actionSearchQuery,
          response: {
            200: jsonOrFileResponse('Actions trouvées, avec les facettes', actionResults, [CSV, XLSX]),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        if (req.query.format === 'json') return search.search(req.actor, req.query);
        const file = await exportsService.export(req.actor, req.query, req.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.get(
      '/api/actions/vocabulaires',
      {
        schema: {
          tags,
          summary: 'Listes contrôlées de la grille : types, échelles, publics, financeurs, politiques…',
          response: { 200: actionVocabulariesOut },
        },
      },
      async () => ACTION_VOCABULARIES,
    );

    app.get(
      '/api/actions/milieu',
      {
        schema: {
          tags,
          summary: 'Milieu (urbain, rural, mixte) suggéré pour un territoire, d’après le référentiel',
          querystring: settingSuggestionQuery,
          response: { 200: settingSuggestionOut, ...errorResponses(400) },
        },
      },
      async (req) => actions.suggestSetting(req.actor, req.query),
    );

    app.get(
      '/api/analyses/actions',
      {
        schema: {
          tags: ['Analyses'],
          summary: 'Grille d’analyse des actions (enquête 2018) sur l’ensemble filtré',
          description:
            'Parts dans 0..1, durées en années (aujourd’hui pour une action sans fin) ; mêmes filtres que ' +
            'la recherche des actions.',
          querystring: actionFilters,
          response: { 200: gridAnalysisOut, ...errorResponses(400) },
        },
      },
      async (req) => search.analyse(req.actor, req.query),
    );

    app.post(
      '/api/actions',
      {
        schema: {
          tags,
          summary: 'Créer une action',
          body: actionInput,
          response: { 201: actionOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const created = await actions.create(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(created.version)).send(created);
      },
    );

    app.get(
      '/api/actions/:id',
      {
        schema: {
          tags,
          summary: 'Une action',
          params: actionIdParams,
          response: { 200: actionOut, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const action = await actions.get(req.actor, req.params.id);
        return reply.header('etag', etagOf(action.version)).send(action);
      },
    );

    app.put(
      '/api/actions/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une action (If-Match obligatoire)',
          params: actionIdParams,
          body: actionInput,
          response: { 200: actionOut, ...errorResponses(400, 401, 403, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const action = await actions.update(
          req.actor,
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(action.version)).send(action);
      },
    );

    app.delete(
      '/api/actions/:id',
      {
        schema: {
          tags,
          summary: 'Supprimer une action (If-Match obligatoire)',
          params: actionIdParams,
          response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        await actions.remove(req.actor, req.params.id, expectedVersion(req.headers['if-match']));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/actions/:id/historique',
      {
        schema: {
          tags,
          summary: 'Historique d’une action : qui, quand, avant, après',
          params: actionIdParams,
          response: { 200: historyList, ...errorResponses(400, 404) },
        },
      },
      async (req) => actions.historyOf(req.actor, req.params.id),
    );
  };
}
