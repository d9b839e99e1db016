import multipart from '@fastify/multipart';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalid } from '../../domain/errors.ts';
import { errorResponses } from '../../domain/kernel/responses.ts';
import { noticeImportReport } from '../../domain/resources/responses.ts';
import { noticeImportQuery } from '../../domain/resources/schemas.ts';
import { readMultipartFile } from '../../kernel/http/multipart-file.ts';
import { MAX_NOTICE_IMPORT_BYTES, type NoticeImportService, tooLarge } from './notice-import.service.ts';

const FILE_FIELD = 'fichier';

/** The file, sent as the raw body (any content type, JSON included) or as the multipart field `fichier`. */
async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; filename?: string }> {
  if (req.isMultipart()) return readMultipartFile(req, FILE_FIELD);
  if (!Buffer.isBuffer(req.body)) {
    throw invalid(
      'Corps attendu : le fichier (RIS, BibTeX, CSL-JSON ou CSV), ou un formulaire multipart « fichier »',
    );
  }
  return { bytes: req.body };
}

export function noticeImportRoutes(imports: NoticeImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // In this scope every body is the file itself: a CSL-JSON file must not be parsed as a request.
    app.removeAllContentTypeParsers();
    await app.register(multipart, {
      limits: { fileSize: MAX_NOTICE_IMPORT_BYTES, files: 1, fields: 5 },
      throwFileSizeLimit: true,
    });
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_NOTICE_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((error: FastifyError) => {
      if (error.statusCode === 413) throw tooLarge();
      throw error;
    });

    app.post(
      '/api/imports/ressources',
      {
        schema: {
          tags: ['Imports'],
          summary: 'Importer des notices RIS, BibTeX, CSL-JSON ou CSV (tout ou rien, dryRun pour vérifier)',
          description:
            'Corps : le fichier, ou un formulaire multipart avec le champ « fichier ». Format détecté s’il ' +
            'n’est pas indiqué. Doublons (DOI, URL, titre et année) : ignorés ou fusionnés (doublons=fusionner). ' +
            'Avec des erreurs, rien n’est écrit, sauf choix explicite partiel=true : les notices valides sont ' +
            'importées et les notices signalées ignorées (noté dans le lot). ' +
            'Réponse : {valide, lignes, valides, signalees, partiel, erreurs: [{ligne, champ, message}], crees, ' +
            'modifies, doublons}.',
          querystring: noticeImportQuery,
          response: { 200: noticeImportReport, ...errorResponses(400, 413) },
        },
      },
      async (req) => {
        const upload = await readUpload(req);
        return imports.importFile(req.actor, upload.bytes, {
          format: req.query.format,
          dryRun: req.query.dryRun,
          doublons: req.query.doublons,
          partiel: req.query.partiel,
          filename: upload.filename,
        });
      },
    );
  };
}
