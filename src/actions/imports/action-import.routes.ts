import multipart from '@fastify/multipart';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionImportReport } from '../../domain/actions/responses.ts';
import { actionImportQuery } from '../../domain/actions/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import { errorResponses } from '../../domain/kernel/responses.ts';
import { readMultipartFile } from '../../kernel/http/multipart-file.ts';
import { type ActionImportService, MAX_ACTION_IMPORT_BYTES, tooLarge } from './action-import.service.ts';

const FILE_FIELD = 'fichier';

/** The file, sent as the raw body or as the multipart field `fichier`. */
async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; filename?: string | undefined }> {
  if (req.isMultipart()) return readMultipartFile(req, FILE_FIELD);
  if (!Buffer.isBuffer(req.body)) {
    throw invalid('Corps attendu : le fichier CSV ou XLSX, ou un formulaire multipart « fichier »');
  }
  return { bytes: req.body };
}

export function actionImportRoutes(imports: ActionImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // In this scope every body is the file itself.
    app.removeAllContentTypeParsers();
    await app.register(multipart, {
      limits: { fileSize: MAX_ACTION_IMPORT_BYTES, files: 1, fields: 5 },
      throwFileSizeLimit: true,
    });
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_ACTION_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      if (error.statusCode === 413) throw tooLarge();
      throw error;
    });

    app.post(
      '/api/imports/actions',
      {
        schema: {
          tags: ['Imports'],
          summary: 'Importer des actions en CSV ou XLSX (tout ou rien, dryRun pour vérifier)',
          description:
            'Colonnes de l’export de GET /api/actions?format=csv ; une ligne avec un id modifie cette action. ' +
            'Réponse : {valide, lignes, erreurs: [{ligne, champ, message}], crees, modifies, inchanges}.',
          querystring: actionImportQuery,
          response: { 200: actionImportReport, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (req) => {
        const upload = await readUpload(req);
        return imports.importFile(req.actor, upload.bytes, {
          dryRun: req.query.dryRun,
          filename: upload.filename,
        });
      },
    );
  };
}
