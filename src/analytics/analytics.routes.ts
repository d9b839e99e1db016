import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  articulationResult,
  configurationsResult,
  countsResult,
  coverageResult,
  evolutionResult,
  perimeterProfile,
  territoryProfile,
} from '../domain/analytics/responses.ts';
import {
  articulationQuery,
  configurationsQuery,
  countsQuery,
  coverageQuery,
  evolutionQuery,
  perimeterProfileBody,
  profileQuery,
} from '../domain/analytics/schemas.ts';
import { CSV, errorResponses, jsonOrFileResponse, XLSX } from '../domain/kernel/responses.ts';
import { territoryParams } from '../domain/territories/schemas.ts';
import { sendWithRecords } from '../http/record-json.ts';
import { toFrenchCsv } from '../kernel/tabular/write-csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE } from '../kernel/tabular/write-xlsx.ts';
import type { AnalyticsService } from './analytics.service.ts';
import type { ProfileService } from './profile.service.ts';
import * as tables from './tables.ts';

const tags = ['Analyses'];
const tableTypes = [CSV, XLSX] as const;
// Profiles are sent as JSON text already written, each record's text kept (src/http/record-json.ts):
// Fastify sends those bytes as they are, so these schemas document the answer and never run on it.

export async function sendTable(reply: FastifyReply, table: tables.Table, format: 'csv' | 'xlsx') {
  if (format === 'xlsx') {
    const body = await toXlsx([{ name: table.name.slice(0, 31), header: table.header, rows: table.rows }]);
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${table.name}.xlsx"`)
      .send(body);
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${table.name}.csv"`)
    .send(toFrenchCsv(table.header, table.rows));
}

export function analyticsRoutes(
  analytics: AnalyticsService,
  profiles: ProfileService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/territoires/:type/:code/profil',
      {
        schema: {
          tags: ['Territoires'],
          summary: 'Profil d’un territoire : dynamiques, couverture par type, lacunes',
          params: territoryParams,
          querystring: profileQuery,
          response: { 200: territoryProfile, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) =>
        sendWithRecords(
          reply,
          await profiles.profile(req.actor, req.params.type, req.params.code, req.query.date),
          'dynamiques',
        ),
    );

    app.post(
      '/api/territoires/perimetre/profil',
      {
        schema: {
          tags: ['Territoires'],
          summary:
            'Profil d’un périmètre saisi (communes, EPCI), comparé au département, à la région et à la France',
          body: perimeterProfileBody,
          response: { 200: perimeterProfile, ...errorResponses(400) },
        },
      },
      async (req, reply) =>
        sendWithRecords(reply, await profiles.perimeterProfile(req.actor, req.body), 'dynamiques'),
    );

    app.get(
      '/api/analyses/comptages',
      {
        schema: {
          tags,
          summary: 'Comptages par territoire, type et statut',
          querystring: countsQuery,
          response: {
            200: jsonOrFileResponse('Comptages, ou leur tableau', countsResult, tableTypes),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await analytics.counts(req.actor, req.query);
        return req.query.format === 'json' ? r : sendTable(reply, tables.countsTable(r), req.query.format);
      },
    );

    app.get(
      '/api/analyses/configurations',
      {
        schema: {
          tags,
          summary: 'Matrice de configurations (2^n combinaisons)',
          querystring: configurationsQuery,
          response: {
            200: jsonOrFileResponse('Matrice, ou son tableau', configurationsResult, tableTypes),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await analytics.configurations(req.actor, req.query);
        return req.query.format === 'json'
          ? r
          : sendTable(reply, tables.configurationsTable(r), req.query.format);
      },
    );

    app.get(
      '/api/analyses/couverture',
      {
        schema: {
          tags,
          summary: 'Couverture en communes et en population, zones blanches',
          querystring: coverageQuery,
          response: {
            200: jsonOrFileResponse('Couverture, ou son tableau', coverageResult, tableTypes),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await analytics.coverage(req.actor, req.query);
        return req.query.format === 'json' ? r : sendTable(reply, tables.coverageTable(r), req.query.format);
      },
    );

    app.get(
      '/api/analyses/articulation',
      {
        schema: {
          tags,
          summary: 'Paires de dynamiques de deux types partageant des communes',
          querystring: articulationQuery,
          response: {
            200: jsonOrFileResponse('Paires de dynamiques, ou leur tableau', articulationResult, tableTypes),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await analytics.articulation(req.actor, req.query);
        return req.query.format === 'json'
          ? r
          : sendTable(reply, tables.articulationTable(r), req.query.format);
      },
    );

    app.get(
      '/api/analyses/evolution',
      {
        schema: {
          tags,
          summary: 'Évolution entre deux dates',
          querystring: evolutionQuery,
          response: {
            200: jsonOrFileResponse('Évolution, ou son tableau', evolutionResult, tableTypes),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await analytics.evolution(req.actor, req.query);
        return req.query.format === 'json' ? r : sendTable(reply, tables.evolutionTable(r), req.query.format);
      },
    );
  };
}
