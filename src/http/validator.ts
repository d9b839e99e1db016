import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { rejectUnstorableText } from '../domain/kernel/storable-text.ts';

/**
 * Zod validation of every route's params, query and body, plus one rule no schema states by itself:
 * no text the database cannot store (U+0000, an isolated UTF-16 surrogate) gets past the edge.
 */
export const storableValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const schema = route.schema;
  const guarded =
    typeof schema?.superRefine === 'function' ? schema.superRefine(rejectUnstorableText) : schema;
  return validatorCompiler({ ...route, schema: guarded });
};
