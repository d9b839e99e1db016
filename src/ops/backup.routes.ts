import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, fileResponse } from '../domain/kernel/responses.ts';
import type { BackupService } from './backup.service.ts';
import { GZIP, writeBackupFile } from './backup-file.ts';

/**
 * `GET /api/sauvegarde`: the same file as `odts backup`, for when the server holds the embedded database
 * and no other process may open it. The backup is written to a temporary file first and sent from there,
 * so that a slow download never keeps the database's snapshot (and, on PGlite, its one connection) open.
 */
export function backupRoutes(backups: BackupService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/sauvegarde',
      {
        schema: {
          tags: ['Système'],
          summary: 'Sauvegarde complète de la base (toutes les tables, JSON par ligne compressé par gzip)',
          description:
            'Prise dans une seule transaction en lecture seule : cohérente même pendant les écritures. ' +
            'Se restaure avec odts restore FICHIER, serveur arrêté.',
          response: { 200: fileResponse('Le fichier de sauvegarde', [GZIP]), ...errorResponses(401, 403) },
        },
      },
      async (req, reply) => {
        const file = await writeBackupFile(backups, req.actor);
        const stream = fs.createReadStream(file.path);
        stream.once('close', () =>
          fs.rm(path.dirname(file.path), { recursive: true, force: true }, () => {}),
        );
        return (
          reply
            .header('content-type', GZIP)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            // Fastify pipes a stream as it is; the response schema only documents the bytes it sends.
            .send(stream as unknown as Uint8Array)
        );
      },
    );
  };
}
