import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCX, errorResponses, fileResponse, HTML, PDF } from '../domain/kernel/responses.ts';
import { dossierElusQuery } from '../domain/reports/schemas.ts';
import type { DossierElusService } from './dossier-elus.service.ts';

export function dossierElusRoutes(dossiers: DossierElusService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/rapports/dossier-elus',
      {
        schema: {
          tags: ['Analyses'],
          summary:
            'Dossier pour l’équipe municipale ou intercommunale (PDF, DOCX ou HTML) : chiffres clés, dynamiques en place ' +
            'et contacts publics, recoupements et manques, démarche territoriale de santé, lectures, sigles',
          description:
            'territoire=commune:CODE ou epci:SIREN ; date = situation décrite (aujourd’hui par défaut). Sans ' +
            'Chromium sur le serveur, le PDF répond 503.',
          querystring: dossierElusQuery,
          response: { 200: fileResponse('Le document', [HTML, PDF, DOCX]), ...errorResponses(400, 404, 503) },
        },
      },
      async (req, reply) => {
        const doc = await dossiers.render(req.actor, req.query);
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
