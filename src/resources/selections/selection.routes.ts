import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyList } from '../../domain/kernel/history.ts';
import { DOCX, errorResponses, fileResponse, HTML, noContent, PDF } from '../../domain/kernel/responses.ts';
import {
  presentedSelection,
  selectionPage,
  selectionPreview,
} from '../../domain/resources/selection-responses.ts';
import {
  SELECTION_EXPORT_FORMATS,
  selectionExportQuery,
  selectionIdParams,
  selectionInput,
  selectionListQuery,
} from '../../domain/resources/selection-schemas.ts';
import { etagOf, expectedVersion } from '../../kernel/http/conditional.ts';
import type { SelectionService } from './selection.service.ts';

const tags = ['Ressources'];

export function selectionRoutes(selections: SelectionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/selections',
      {
        schema: {
          tags,
          summary: 'Sélections bibliographiques, les plus récemment modifiées d’abord (q : mots du titre)',
          querystring: selectionListQuery,
          response: { 200: selectionPage, ...errorResponses(400) },
        },
      },
      async (req) => selections.list(req.actor, req.query),
    );

    app.post(
      '/api/selections',
      {
        schema: {
          tags,
          summary: 'Composer une sélection bibliographique',
          description:
            'Sections imbriquées (4 niveaux) de notices {notice, commentaire} ; ordre des notices : ' +
            'antechronologique par défaut, chronologique, alphabetique ou manuel ; une section ' +
            '« sitographie » pour les sites. L’introduction, les présentations et les commentaires citent ' +
            'une notice de la sélection par [[identifiant]], rendu par son numéro « (12) ». Glossaire en annexe.',
          body: selectionInput,
          response: { 201: presentedSelection, ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const created = await selections.create(req.actor, req.body);
        return reply.status(201).header('etag', etagOf(created.version)).send(created);
      },
    );

    app.post(
      '/api/selections/apercu',
      {
        schema: {
          tags,
          summary: 'Aperçu d’une sélection non enregistrée (rien n’est écrit)',
          description:
            'Même corps et mêmes contrôles que la création ; renvoie la page publique (html), le sommaire ' +
            'et les références numérotées {numero, notice, titre, date, type, texte}.',
          body: selectionInput,
          response: { 200: selectionPreview, ...errorResponses(400) },
        },
      },
      async (req) => selections.preview(req.actor, req.body),
    );

    app.get(
      '/api/selections/:id',
      {
        schema: {
          tags,
          summary: 'Une sélection (telle que saisie)',
          params: selectionIdParams,
          response: { 200: presentedSelection, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const selection = await selections.get(req.actor, req.params.id);
        return reply.header('etag', etagOf(selection.version)).send(selection);
      },
    );

    app.put(
      '/api/selections/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une sélection (If-Match obligatoire)',
          params: selectionIdParams,
          body: selectionInput,
          response: { 200: presentedSelection, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const s = await selections.update(
          req.actor,
          req.params.id,
          req.body,
          expectedVersion(req.headers['if-match']),
        );
        return reply.header('etag', etagOf(s.version)).send(s);
      },
    );

    app.delete(
      '/api/selections/:id',
      {
        schema: {
          tags,
          summary: 'Supprimer une sélection (If-Match obligatoire)',
          params: selectionIdParams,
          response: { 204: noContent, ...errorResponses(400, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        await selections.remove(req.actor, req.params.id, expectedVersion(req.headers['if-match']));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/selections/:id/historique',
      {
        schema: {
          tags,
          summary: 'Historique d’une sélection : qui, quand, avant, après',
          params: selectionIdParams,
          response: { 200: historyList, ...errorResponses(400, 404) },
        },
      },
      async (req) => selections.historyOf(req.actor, req.params.id),
    );

    app.get(
      '/api/selections/:id/export',
      {
        schema: {
          tags,
          summary: `Sélection mise en forme ou exportée : ${SELECTION_EXPORT_FORMATS.join(', ')}`,
          description:
            'html (page publique, par défaut), pdf (503 sans Chromium sur le serveur) et docx : document ' +
            'complet au style documentaire du projet ; ris, bibtex, csl-json : les notices, dans l’ordre de ' +
            'leur numéro.',
          params: selectionIdParams,
          querystring: selectionExportQuery,
          response: {
            200: fileResponse('La sélection mise en forme, ou ses notices', [
              HTML,
              PDF,
              DOCX,
              'application/x-research-info-systems',
              'application/x-bibtex',
              'application/vnd.citationstyles.csl+json',
            ]),
            ...errorResponses(400, 404, 503),
          },
        },
      },
      async (req, reply) => {
        const file = await selections.export(req.actor, req.params.id, req.query.format);
        const disposition = file.format === 'html' ? 'inline' : 'attachment';
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `${disposition}; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  };
}
