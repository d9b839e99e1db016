import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorKind, isAppError } from '../domain/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  precondition_required: 428,
  too_many_requests: 429,
  unavailable: 503,
};

/** Framework errors (body parsing, content type, headers) in the API's French. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY:
    'Corps de requête illisible : JSON invalide (ou propriété __proto__/constructor refusée)',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Corps de requête vide alors que du JSON est annoncé (content-type)',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'En-tête Content-Length incohérent avec le corps reçu',
  FST_ERR_CTP_EMPTY_TYPE: 'En-tête Content-Type vide',
  FST_ERR_CTP_INVALID_TYPE: 'En-tête Content-Type invalide',
};

const CONTEXT_LABEL: Record<string, string> = {
  querystring: 'paramètre',
  params: 'chemin',
  body: 'corps',
  headers: 'en-tête',
};

/** The one place where errors become French JSON: `{erreur, champs?}` with the right status. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const champs: Record<string, string> = {};
      for (const issue of error.validation) {
        const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(racine)';
        champs[field] ??= issue.message ?? 'valeur invalide';
      }
      const where = CONTEXT_LABEL[error.validationContext ?? ''] ?? 'donnée';
      const detail = Object.entries(champs)
        .map(([f, m]) => `${f} : ${m}`)
        .join(' ; ');
      return reply.status(400).send({ erreur: `Requête invalide (${where}) — ${detail}`, champs });
    }
    if (isAppError(error)) {
      return reply
        .status(STATUS[error.kind])
        .send({ erreur: error.message, ...(error.champs ? { champs: error.champs } : {}) });
    }
    const status = error.statusCode ?? 500;
    const known = error.code ? FRAMEWORK_MESSAGES[error.code] : undefined;
    if (known && status >= 400 && status < 500) return reply.status(status).send({ erreur: known });
    if (status === 413) return reply.status(413).send({ erreur: 'Requête trop volumineuse' });
    if (status === 415) return reply.status(415).send({ erreur: 'Type de contenu non pris en charge' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ erreur: `Requête invalide : ${error.message}` });
    }
    request.log.error(error);
    return reply.status(500).send({ erreur: 'Erreur interne du serveur ; l’incident a été journalisé.' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ erreur: `Ressource introuvable : ${request.method} ${request.url.split('?')[0]}` });
  });
}

/**
 * Errors Fastify raises before routing (an address whose percent-encoding does not decode, an
 * asynchronous constraint that fails): the same French answer as any other invalid request.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send({ erreur: 'Adresse invalide : encodage « % » incorrect dans le chemin' });
    return;
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send({ erreur: 'Adresse trop longue : un segment du chemin dépasse 200 caractères' });
    return;
  }
  reply
    .status(error.statusCode && error.statusCode < 500 ? error.statusCode : 400)
    .send({ erreur: 'Requête invalide' });
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'En-têtes de requête trop volumineux (adresse ou cookies trop longs)'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Requête trop lente : délai dépassé'],
};

/**
 * A request Node.js cannot even parse (headers too large, malformed request line) never reaches Fastify:
 * answered here on the socket, in French JSON, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const [status, erreur] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Requête HTTP mal formée'];
  const body = JSON.stringify({ erreur });
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
