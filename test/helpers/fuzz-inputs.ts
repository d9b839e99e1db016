import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../src/db/schema.ts';

/** The seed of every property run; `FUZZ_SEED=… npx vitest run …` replays another one. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_251_106);

/** Values that broke parsers, databases or validators somewhere: each stands for a family. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDFFF',
  '0000-01-01',
  '0000-00-00',
  '2024-02-30',
  '-000001-01-01',
  '+275760-09-13',
  '9999-12-31T23:59:60Z',
  '-1',
  '0',
  '1e309',
  '-1e309',
  '9'.repeat(400),
  '0x10',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '%E0%A4%A',
  '%00',
  '../../etc/passwd',
  'a'.repeat(5000),
  '<img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '{}',
  '[]',
  'null',
  'true',
  '😀\u202e',
  'javascript:alert(1)',
  'http://',
  'data:text/html,<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '\t\r\n',
];

export const NASTY_NUMBERS: readonly unknown[] = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Any JSON value at all, or one of the nasty ones, including the shapes a route does not expect. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')),
  fc.constant(Array.from({ length: 2000 }, (_, i) => i)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A string for a query or path parameter. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

type JsonSchema = Record<string, unknown>;

/** Values generated from a JSON schema of the OpenAPI document: mostly the right shape, sometimes not. */
export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    /** Enum values never to generate (formats whose rendering is too slow for a fuzz run). */
    private readonly skippedEnumValues: readonly string[] = [],
  ) {}

  of(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
    if (!schema || depth > 6) return nastyValue;
    return fc.oneof(
      { weight: 5, arbitrary: this.typed(schema, depth) },
      { weight: 1, arbitrary: nastyValue },
    );
  }

  private typed(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const ref = schema.$ref as string | undefined;
    if (ref) return this.of(this.components[ref.split('/').pop() as string], depth + 1);
    const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    if (variants?.length) return fc.oneof(...variants.map((v) => this.typed(v, depth + 1)));
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v) => !this.skippedEnumValues.includes(v as string));
      return values.length ? fc.constantFrom(...values) : nastyValue;
    }
    if ('const' in schema) return fc.constant(schema.const);
    switch ([schema.type].flat()[0]) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(...NASTY_NUMBERS));
      case 'number':
        return fc.oneof(fc.double(), fc.constantFrom(...NASTY_NUMBERS));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(this.of(schema.items as JsonSchema, depth + 1), { maxLength: 3 });
      case 'object':
        return this.object(schema, depth);
      default:
        return nastyValue;
    }
  }

  private string(schema: JsonSchema): fc.Arbitrary<unknown> {
    const format = schema.format as string | undefined;
    const plausible =
      format === 'uri'
        ? fc.constantFrom(
            'https://exemple.fr/a',
            'ftp://exemple.fr/',
            'javascript:alert(1)',
            'file:///etc/passwd',
          )
        : format === 'date'
          ? fc.constantFrom('2024-01-31', '0000-01-01', '2024-13-01', '1899-12-31')
          : format === 'date-time'
            ? fc.constantFrom('2024-01-31T10:00:00Z', '0000-01-01T00:00:00Z')
            : fc.string({ minLength: 1, maxLength: 20 });
    return fc.oneof(plausible, nastyString);
  }

  private object(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = (schema.required ?? []) as string[];
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, value] of Object.entries(properties)) model[key] = this.of(value, depth + 1);
    const known = fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    // Unknown keys, among them those that pollute prototypes.
    const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'inconnu', ''), nastyValue, {
      maxKeys: 2,
    });
    return fc
      .oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: fc.tuple(known, extra) })
      .map((v) => (Array.isArray(v) ? Object.assign(Object.create(null), v[0], v[1]) : v));
  }
}

/**
 * Percent-encodes a value as a client would, but a lone surrogate becomes its WTF-8 bytes (which no
 * decoder accepts) and a value already made of `%` escapes is sent as it is (malformed ones included).
 */
export function encodeComponent(value: string): string {
  if (/^(%[0-9A-Fa-f]{0,2})+$/.test(value)) return value;
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Words of framework or library messages in English that must never reach a client. */
const ENGLISH =
  /\b(must|should|expected|invalid input|unexpected|bad request|not found|internal server|is required|unsupported|cannot|failed)\b/i;

/** An error answer of the API: JSON `{erreur, champs?}` in French. */
export function expectFrenchError(status: number, contentType: unknown, body: string, what: string): void {
  expect(status, what).toBeGreaterThanOrEqual(400);
  expect(status, `${what} → ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(contentType), what).toMatch(/^application\/json/);
  const parsed = JSON.parse(body) as { erreur?: unknown; champs?: unknown };
  expect(typeof parsed.erreur, `${what} → ${body.slice(0, 300)}`).toBe('string');
  expect(parsed.erreur, what).not.toBe('');
  expect(String(parsed.erreur), `${what}: message in English`).not.toMatch(ENGLISH);
  if (parsed.champs !== undefined) {
    expect(typeof parsed.champs, what).toBe('object');
    for (const message of Object.values(parsed.champs as Record<string, unknown>)) {
      expect(typeof message, what).toBe('string');
      expect(String(message), `${what}: field message in English`).not.toMatch(ENGLISH);
    }
  }
}

/** A cheap summary of everything a write can change: equal before and after a refused request. */
export async function databaseFingerprint(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`select
      (select changes from registry_stamp) as stamp,
      (select coalesce(max(id), 0) from historique) as history,
      (select count(*) from historique) as history_rows,
      (select count(*) from dynamique) as dynamics,
      (select count(*) from notice) as notices,
      (select count(*) from glossaire) as glossary,
      (select count(*) from selection) as selections,
      (select count(*) from lot) as lots,
      (select count(*) from declared_count) as declared,
      (select count(*) from utilisateur) as users,
      (select count(*) from jeton) as tokens,
      (select count(*) from reference_layer) as layers,
      (select count(*) from qpv) as qpv,
      (select count(*) from contrat_ville) as contrats,
      (select count(*) from contour) as contours`.execute(db);
  return JSON.stringify(rows[0]);
}
