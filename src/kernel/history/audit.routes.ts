import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '../../domain/kernel/audit.ts';
import { errorResponses } from '../../domain/kernel/responses.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['Journal des modifications'],
          summary: 'Toutes les modifications de tous les enregistrements (qui, quand, avant, après, source)',
          querystring: auditQuery,
          response: { 200: auditPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => audit.search(req.actor, req.query),
    );
  };
}
