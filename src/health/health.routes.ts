import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from '../domain/health/responses.ts';
import type { HealthService } from './health.service.ts';

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
