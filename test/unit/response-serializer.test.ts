import { describe, expect, it } from 'vitest';
import { documentsOnly } from '../../src/domain/kernel/responses.ts';
import { z } from '../../src/domain/zod-fr.ts';
import { droppedKey, responseSerializer } from '../../src/http/response-serializer.ts';

const record = z.object({ id: z.string(), lignes: z.array(z.object({ n: z.number() })) });
const compile = (strict: boolean, schema: z.ZodType) =>
  responseSerializer(strict)({ schema, method: 'GET', url: '/api/x' });

describe('droppedKey', () => {
  it('names the first field the schema lost, with its path', () => {
    expect(droppedKey({ a: 1, b: [{ c: 1, d: 2 }] }, { a: 1, b: [{ c: 1 }] })).toBe('b[0].d');
    expect(droppedKey({ a: 1, b: undefined }, { a: 1 })).toBeNull();
  });
});

describe('responseSerializer', () => {
  it('writes a body that matches its schema', () => {
    expect(compile(true, record)({ id: 'a', lignes: [{ n: 1 }] })).toBe('{"id":"a","lignes":[{"n":1}]}');
  });

  it('refuses a body that does not match its schema', () => {
    expect(() => compile(false, record)({ id: 1, lignes: [] })).toThrow();
  });

  it('drops an undeclared field, or fails on it when strict', () => {
    const body = { id: 'a', lignes: [{ n: 1, extra: true }] };
    expect(compile(false, record)(body)).toBe('{"id":"a","lignes":[{"n":1}]}');
    expect(() => compile(true, record)(body)).toThrow(/lignes\[0\]\.extra/);
  });

  it('writes a documentation-only body as it is, unchecked', () => {
    const documented = documentsOnly(z.object({ id: z.string() }));
    expect(compile(true, documented)({ id: 1, extra: true })).toBe('{"id":1,"extra":true}');
  });
});
