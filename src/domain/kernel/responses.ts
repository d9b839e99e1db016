import { z } from '../zod-fr.ts';

/** Building blocks of the API's response schemas (Fastify `response`, OpenAPI, web client types). */

/** Every error answer of the API (API.md): a French message, and per-field messages for input errors. */
export const errorResponse = z
  .object({
    erreur: z.string(),
    champs: z.record(z.string(), z.string()).optional(),
  })
  .meta({
    id: 'Erreur',
    description: 'Erreur : message en français, et message par champ pour une saisie invalide',
  });
export type ErrorResponse = z.infer<typeof errorResponse>;

/** Statuses of API.md that answer `{erreur, champs?}`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 428 | 429 | 503;

/** `{status: errorResponse}` for the error statuses a route can answer. */
export function errorResponses<const S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof errorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse])) as Record<S, typeof errorResponse>;
}

/** A list of the API (`{total, items}`), paged when `page`/`limit` are given. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item) });
}
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    items: z.array(item),
  });
}

/**
 * Body of a response that is not JSON (a file, a document, text spliced as it is stored). Its body is a
 * string or bytes, which Fastify sends without serializing: this schema only documents it.
 */
export const fileBody = z.custom<string | Uint8Array>().meta({ type: 'string', format: 'binary' });

type FileContent<M extends string> = Record<M, { schema: typeof fileBody }>;

/** A response that is not JSON, documented by its media types. */
export function fileResponse<const M extends string>(
  description: string,
  mediaTypes: readonly M[],
): { description: string; content: FileContent<M> } {
  const content = Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBody }]));
  return { description, content: content as FileContent<M> };
}

/**
 * A JSON response whose route may also answer a file (`format=csv|xlsx…`): the JSON schema under
 * `application/json`, the other media types documented as files.
 */
export function jsonOrFileResponse<T extends z.ZodType, const M extends string>(
  description: string,
  json: T,
  fileTypes: readonly M[],
): { description: string; content: { 'application/json': { schema: T } } & FileContent<M> } {
  return {
    description,
    content: { 'application/json': { schema: json }, ...fileResponse(description, fileTypes).content },
  };
}

/**
 * Schemas that only document a response: the route sends JSON text it has already written (kept per
 * record for speed, see src/http/record-json.ts), so the serializer must not check and write it again.
 */
const documentationOnly = new WeakSet<z.ZodType>();

export function documentsOnly<T extends z.ZodType>(schema: T): T {
  documentationOnly.add(schema);
  return schema;
}

export function isDocumentationOnly(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && documentationOnly.has(schema as z.ZodType);
}

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';
export const HTML = 'text/html';
export const GEOJSON = 'application/geo+json';
export const JSON_TEXT = 'application/json';

// Answers without a body: `void` lets the route call `send()` alone, and the `null` type is how the
// OpenAPI generator is told that there is no content.
/** 204 of a deletion. */
export const noContent = z.void().meta({ type: 'null', description: 'Supprimé : aucun contenu' });
/** 304 of a conditional GET. */
export const notModified = z
  .void()
  .meta({ type: 'null', description: 'Inchangé depuis l’ETag envoyé dans If-None-Match' });
/** 302/303 of a route that sends the browser elsewhere (`Location`). */
export const redirection = (description: string) =>
  z.void().meta({ type: 'null', description: `Redirection (en-tête Location) : ${description}` });
