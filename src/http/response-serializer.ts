import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type $ZodType, safeEncode } from 'zod/v4/core';
import { isDocumentationOnly } from '../domain/kernel/responses.ts';

/** The first key of `sent` that `kept` lost (a field the response schema does not declare), as a path. */
export function droppedKey(sent: unknown, kept: unknown, path = ''): string | null {
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept)) return null;
    for (let i = 0; i < sent.length; i++) {
      const lost = droppedKey(sent[i], kept[i], `${path}[${i}]`);
      if (lost) return lost;
    }
    return null;
  }
  if (sent === null || typeof sent !== 'object' || kept === null || typeof kept !== 'object') return null;
  if (sent instanceof Date) return null;
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue;
    const where = path ? `${path}.${key}` : key;
    if (!(key in kept)) return where;
    const lost = droppedKey(value, (kept as Record<string, unknown>)[key], where);
    if (lost) return lost;
  }
  return null;
}

/**
 * Serializer of every JSON response: the route's zod schema checks the body (a mismatch is a 500, never
 * a wrong answer) and keeps only the fields it declares. Schemas marked documentation-only are written
 * by `JSON.stringify` alone. With `strict` (tests), a field the schema would drop is an error too, so a
 * schema that forgets a field fails the tests instead of hiding data.
 */
export function responseSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    if (isDocumentationOnly(schema)) return (data: unknown) => JSON.stringify(data);
    const zodSchema = schema as $ZodType;
    return (data: unknown) => {
      const result = safeEncode(zodSchema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      if (strict) {
        const lost = droppedKey(data, result.data);
        if (lost) throw new Error(`${method} ${url}: field « ${lost} » not declared in the response schema`);
      }
      return JSON.stringify(result.data);
    };
  };
}
