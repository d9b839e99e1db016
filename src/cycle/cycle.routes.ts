import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  distributionOut,
  projectCycleOut,
  selfAssessmentOut,
  selfAssessmentsOut,
} from '../domain/cycle/responses.ts';
import { distributionQuery, projectCycleInput, selfAssessmentInput } from '../domain/cycle/schemas.ts';
import { errorResponses } from '../domain/kernel/responses.ts';
import { dynamicIdParams } from '../domain/registry/schemas.ts';
import { etagOf, expectedVersion } from '../kernel/http/conditional.ts';
import type { ProjectCycleService } from './project-cycle.service.ts';
import type { SelfAssessmentService } from './self-assessment.service.ts';

const TAG = 'Cycle de projet et auto-évaluation';

export function cycleRoutes(s: {
  assessments: SelfAssessmentService;
  cycles: ProjectCycleService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dynamiques/:id/auto-evaluations',
      {
        schema: {
          tags: [TAG],
          summary: 'Auto-évaluations de la dynamique selon les sept critères, la plus récente d’abord',
          params: dynamicIdParams,
          response: { 200: selfAssessmentsOut, ...errorResponses(400, 404) },
        },
      },
      async (req) => s.assessments.list(req.actor, req.params.id),
    );
    app.post(
      '/api/dynamiques/:id/auto-evaluations',
      {
        schema: {
          tags: [TAG],
          summary: 'Enregistrer une auto-évaluation (les précédentes sont gardées)',
          params: dynamicIdParams,
          body: selfAssessmentInput,
          response: { 201: selfAssessmentOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.assessments.create(req.actor, req.params.id, req.body)),
    );
    app.get(
      '/api/analyses/auto-evaluations',
      {
        schema: {
          tags: [TAG],
          summary:
            'Répartition des niveaux par critère, sur la dernière auto-évaluation de chaque dynamique de la région ou du département',
          querystring: distributionQuery,
          response: { 200: distributionOut, ...errorResponses(400) },
        },
      },
      async (req) => s.assessments.distribution(req.actor, req.query),
    );
    app.get(
      '/api/dynamiques/:id/cycle',
      {
        schema: {
          tags: [TAG],
          summary:
            'Cycle de projet de la dynamique (version 0 : le modèle de son type, pas encore enregistré)',
          params: dynamicIdParams,
          response: { 200: projectCycleOut, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const cycle = await s.cycles.get(req.actor, req.params.id);
        return reply.header('etag', etagOf(cycle.version)).send(cycle);
      },
    );
    app.put(
      '/api/dynamiques/:id/cycle',
      {
        schema: {
          tags: [TAG],
          summary: 'Enregistrer le cycle de projet (If-Match : la version lue, "0" pour le premier)',
          params: dynamicIdParams,
          body: projectCycleInput,
          response: { 200: projectCycleOut, ...errorResponses(400, 401, 403, 404, 412, 428) },
        },
      },
      async (req, reply) => {
        const expected = expectedVersion(req.headers['if-match']);
        const cycle = await s.cycles.put(req.actor, req.params.id, req.body, expected);
        return reply.header('etag', etagOf(cycle.version)).send(cycle);
      },
    );
  };
}
