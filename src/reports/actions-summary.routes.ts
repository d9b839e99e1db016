import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionsSummaryQuery } from '../domain/actions/schemas.ts';
import { DOCX, errorResponses, fileResponse, HTML, PDF } from '../domain/kernel/responses.ts';
import type { ActionsSummaryService } from './actions-summary.service.ts';

export function actionsSummaryRoutes(summary: ActionsSummaryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/rapports/actions',
      {
        schema: {
          tags: ['Analyses'],
          summary:
            'Synthèse des actions selon la grille d’analyse (PDF, DOCX ou HTML) : mêmes filtres que la recherche des actions',
          description:
            'Les chiffres de GET /api/analyses/actions mis en document : territoires, dynamiques impliquées, ' +
            'financements, politiques liées et durée. Sans Chromium sur le serveur, le PDF répond 503.',
          querystring: actionsSummaryQuery,
          response: { 200: fileResponse('Le document', [HTML, PDF, DOCX]), ...errorResponses(400, 503) },
        },
      },
      async (req, reply) => {
        const doc = await summary.render(req.actor, req.query);
        const disposition = doc.format === 'html' ? 'inline' : 'attachment';
        return reply
          .header('content-type', doc.contentType)
          .header('content-disposition', `${disposition}; filename="${doc.filename}"`)
          .header('cache-control', 'no-store')
          .send(doc.body);
      },
    );
  };
}
