import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type CoordinatedCareResult,
  coordinatedCareQuery,
  coordinatedCareResult,
} from '../domain/analytics/coordinated-care-schemas.ts';
import { CSV, errorResponses, jsonOrFileResponse, XLSX } from '../domain/kernel/responses.ts';
import { sendTable } from './analytics.routes.ts';
import type { CoordinatedCareService } from './coordinated-care.service.ts';
import type { Table } from './tables.ts';

const pct = (x: number) => Math.round(x * 10_000) / 100;
const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

function coordinatedCareTable(r: CoordinatedCareResult): Table {
  return {
    name: `offre-coordonnee-${r.niveau}-${r.date}`,
    header: [
      'niveau',
      'code',
      'territoire',
      'population',
      'MSP',
      'MSP pour 10 000 habitants',
      'centres de santé',
      'centres de santé pour 10 000 habitants',
      'CPTS',
      'CPTS au périmètre connu',
      'CPTS au siège seul',
      'population dans une CPTS (%)',
      'CLS',
      'CLS articulés avec une CPTS',
      'CLS articulés avec une CPTS (%)',
    ],
    rows: r.items.map((i) => [
      i.territoire.type,
      i.territoire.code,
      i.territoire.nom,
      i.population,
      i.msp,
      round(i.mspPour10000),
      i.centresDeSante,
      round(i.centresDeSantePour10000),
      i.cpts.total,
      i.cpts.perimetreConnu,
      i.cpts.siegeSeul,
      pct(i.cpts.partPopulationCouverte),
      i.cls.total,
      i.cls.avecCpts,
      pct(i.cls.partAvecCpts),
    ]),
  };
}

export function coordinatedCareRoutes(service: CoordinatedCareService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/analyses/offre-coordonnee',
      {
        schema: {
          tags: ['Analyses'],
          summary:
            'Exercice coordonné : MSP et centres de santé pour 10 000 habitants, CPTS (périmètre connu ou siège seul), CLS articulés avec une CPTS',
          querystring: coordinatedCareQuery,
          response: {
            200: jsonOrFileResponse('Chiffres par territoire, ou leur tableau', coordinatedCareResult, [
              CSV,
              XLSX,
            ]),
            ...errorResponses(400),
          },
        },
      },
      async (req, reply) => {
        const r = await service.figures(req.actor, req.query);
        return req.query.format === 'json' ? r : sendTable(reply, coordinatedCareTable(r), req.query.format);
      },
    );
  };
}
