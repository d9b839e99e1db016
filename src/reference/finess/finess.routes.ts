import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.ts';
import { errorResponses } from '../../domain/kernel/responses.ts';
import { sourceSyncReport } from '../../domain/registry/responses.ts';
import { z } from '../../domain/zod-fr.ts';
import type { FinessImportService } from './finess-import.service.ts';

/** The national extraction is about 100 MB uncompressed; a regional one a few MB. */
export const MAX_FINESS_BYTES = 200 * 1024 * 1024;

const flag = z
  .enum(['true', 'false'], { error: () => 'valeur attendue : true ou false' })
  .default('false')
  .transform((v) => v === 'true');

export const finessImportQuery = z.object({
  dryRun: flag,
  /** A regional or partial extraction: establishments it does not list are not stopped. */
  partiel: flag,
  force: flag,
});

export function finessRoutes(finess: FinessImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // The extraction is sent as it is: its bytes, whatever the declared type.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(
      ['text/plain', '*'],
      { parseAs: 'buffer', bodyLimit: MAX_FINESS_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      if (error.statusCode === 413) {
        throw new AppError(
          'too_large',
          `Fichier trop volumineux : ${MAX_FINESS_BYTES / 1024 / 1024} Mo au plus`,
        );
      }
      throw error;
    });
    app.post(
      '/api/imports/finess',
      {
        schema: {
          tags: ['Imports'],
          summary:
            'Importer une extraction FINESS : maisons de santé, centres de santé et CPTS (tout ou rien, dryRun)',
          description:
            'Corps : le fichier de l’extraction tel que publié (UTF-8 ou Windows-1252). Crée, met à jour ou ' +
            'arrête les dynamiques MSP, CDS et CPTS repérées par leur numéro FINESS.',
          querystring: finessImportQuery,
          response: { 200: sourceSyncReport, ...errorResponses(400, 413) },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError('invalid', 'Corps attendu : le fichier de l’extraction FINESS');
        }
        const result = await finess.importBytes(req.actor, req.body, {
          dryRun: req.query.dryRun,
          partiel: req.query.partiel,
          force: req.query.force,
        });
        return result.report;
      },
    );
  };
}
