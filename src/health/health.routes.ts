import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../domain/zod-fr.ts';
import type { HealthService } from './health.service.ts';

const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  reference: z.record(z.string(), z.number()),
});

export function healthRoutes(service: HealthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['Système'],
          summary: 'État du service et volumes du référentiel',
          response: { 200: healthResponse },
        },
      },
      () => service.report(),
    );
  };
}
