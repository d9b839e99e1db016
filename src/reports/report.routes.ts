import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCX, errorResponses, fileResponse, HTML, PDF } from '../domain/kernel/responses.ts';
import { etatDesLieuxQuery } from '../domain/reports/schemas.ts';
import type { ReportService } from './report.service.ts';

export function reportRoutes(reports: ReportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/rapports/etat-des-lieux',
      {
        schema: {
          tags: ['Analyses'],
          summary:
            'État des lieux d’une région, d’un département, d’un EPCI ou d’une commune (PDF, DOCX ou HTML) : ' +
            'chiffres clés, comptages, ' +
            'configurations des contrats de ville, couverture, situation par département, liste des dynamiques',
          description:
            'Réponse : le document (application/pdf, DOCX ou text/html ; HTML par défaut). Indiquez ' +
            'territoire={type}:{code} (region, departement, epci ou commune, ex. commune:85191), ou region ou ' +
            'departement ; date = situation décrite (aujourd’hui par défaut). Sans Chromium sur le serveur, ' +
            'le PDF répond 503 ; HTML et DOCX restent disponibles.',
          querystring: etatDesLieuxQuery,
          response: {
            200: fileResponse('Le document', [HTML, PDF, DOCX]),
            ...errorResponses(400, 404, 503),
          },
        },
      },
      async (req, reply) => {
        const report = await reports.etatDesLieux(req.actor, req.query);
        // HTML opens in the browser; documents download under a descriptive name.
        const disposition = report.format === 'html' ? 'inline' : 'attachment';
        return reply
          .header('content-type', report.contentType)
          .header('content-disposition', `${disposition}; filename="${report.filename}"`)
          .header('cache-control', 'no-store')
          .send(report.body);
      },
    );
  };
}
