import multipart from '@fastify/multipart';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.ts';
import { CSV, errorResponses, fileResponse, XLSX } from '../../domain/kernel/responses.ts';
import { importQuery, templateQuery } from '../../domain/registry/import-schemas.ts';
import { dynamicImportReport } from '../../domain/registry/responses.ts';
import { readMultipartFile } from '../../kernel/http/multipart-file.ts';
import { type DynamicImportService, MAX_IMPORT_BYTES, tooLarge } from './dynamic-import.service.ts';
import { importTemplate } from './template.ts';

const tags = ['Imports'];
export const FILE_FIELD_NAME = 'fichier';

interface Upload {
  bytes: Buffer;
  filename?: string | undefined;
  contentType?: string | undefined;
}

/** The file, sent as the raw body (CSV, XLSX) or as the multipart field `fichier`. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (req.isMultipart()) return readMultipartFile(req, FILE_FIELD_NAME);
  if (!Buffer.isBuffer(req.body)) {
    throw new AppError(
      'invalid',
      'Corps attendu : un fichier CSV (text/csv) ou XLSX, ou un formulaire multipart avec le champ « fichier »',
    );
  }
  return { bytes: req.body, contentType: req.headers['content-type'] };
}

export function importRoutes(imports: DynamicImportService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 },
      throwFileSizeLimit: true,
    });
    // Any other content type arrives as bytes: the file's content, not its label, tells CSV from XLSX.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(
      ['text/plain', '*'],
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      // Thrown again, errors go on to the application's handler; only the size message is specific.
      if (error.statusCode === 413) throw tooLarge();
      throw error;
    });

    app.post(
      '/api/imports/dynamiques',
      {
        schema: {
          tags,
          summary:
            'Importer des dynamiques depuis un fichier CSV ou XLSX (tout ou rien, dryRun pour vérifier)',
          description:
            'Corps : le fichier (text/csv, XLSX) ou un formulaire multipart avec le champ « fichier ». ' +
            'Réponse : {valide, lignes, erreurs: [{ligne, champ, message}], crees, modifies}. ' +
            'En-tête facultatif Idempotency-Key : un nouvel envoi sous la même clé (sans clé : le même fichier, ' +
            'dans les 24 heures) répond le résultat du premier, avec rejoue: true, sans rien réécrire ; ' +
            'la même clé avec un autre fichier est refusée (409).',
          querystring: importQuery,
          response: { 200: dynamicImportReport, ...errorResponses(400, 409, 413) },
        },
      },
      async (req) => {
        const upload = await readUpload(req);
        const key = req.headers['idempotency-key'];
        return imports.importFile(req.actor, upload.bytes, {
          dryRun: req.query.dryRun,
          ...upload,
          idempotencyKey: Array.isArray(key) ? key.join(',') : key,
        });
      },
    );

    app.get(
      '/api/imports/dynamiques/modele',
      {
        schema: {
          tags,
          summary: 'Modèle de fichier d’import : en-tête, une ligne d’exemple et la description des colonnes',
          querystring: templateQuery,
          response: { 200: fileResponse('Le modèle', [CSV, XLSX]), ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const file = await importTemplate(req.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  };
}
