import type { FastifyRequest } from 'fastify';
import { invalid, isAppError } from '../../domain/errors.ts';

export interface UploadedFile {
  bytes: Buffer;
  filename?: string | undefined;
  contentType?: string | undefined;
}

/**
 * The one file of a multipart form, in its named field. A form the parser cannot read (cut short, no
 * boundary, broken part headers) is the client's error: a French 400 naming the field, not a 500.
 * Errors that carry their own status (file too large) go on unchanged.
 */
export async function readMultipartFile(req: FastifyRequest, field: string): Promise<UploadedFile> {
  try {
    const part = await req.file();
    if (!part || part.fieldname !== field) {
      throw invalid(`Formulaire sans fichier : envoyez le fichier dans le champ « ${field} »`, {
        [field]: 'fichier obligatoire',
      });
    }
    return { bytes: await part.toBuffer(), filename: part.filename, contentType: part.mimetype };
  } catch (error) {
    if (isAppError(error) || typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw invalid(`Formulaire multipart illisible : envoyez le fichier dans le champ « ${field} »`, {
      [field]: 'formulaire mal formé',
    });
  }
}
