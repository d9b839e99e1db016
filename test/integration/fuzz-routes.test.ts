import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';
import {
  databaseFingerprint,
  encodeComponent,
  expectFrenchError,
  FUZZ_SEED,
  nastyString,
  nastyValue,
  SchemaArbitraries,
} from '../helpers/fuzz-inputs.ts';

// Every operation of the OpenAPI document called with generated parameters and bodies, as an administrator
// (so that writes are really attempted) and as a visitor: never a 5xx, every error a French
// `{erreur, champs}`, and nothing written when the request is refused.

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 14);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Record<string, unknown>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: OpenApi;
let started: Date;
/** Ids of records that exist, so that generated paths reach the services and not only the 404s. */
const known: Record<string, string[]> = { id: [], sigle: [], code: ['75056', '11', '200054781', '42218'] };

beforeAll(async () => {
  started = new Date();
  t = await createTestApp();
  await t.app.ready();
  doc = t.app.swagger() as unknown as OpenApi;
  const created = await Promise.all([
    t.app.inject({ method: 'POST', url: '/api/dynamiques', payload: dynamicInput() }),
    t.app.inject({ method: 'POST', url: '/api/ressources', payload: noticeBody() }),
    t.app.inject({
      method: 'POST',
      url: '/api/glossaire',
      payload: { sigle: `FZ${process.pid % 10_000}`, forme: 'Forme de fuzz', definition: 'Définition.' },
    }),
  ]);
  for (const res of created) {
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { id?: string; sigle?: string };
    if (body.id) known.id?.push(body.id);
    if (body.sigle) known.sigle?.push(body.sigle);
  }
});

afterAll(async () => {
  // On a shared PostgreSQL server, what accepted writes created must not reach the next test files.
  const db = t.ctx.database.db;
  for (const table of ['dynamique', 'notice', 'glossaire', 'selection'] as const) {
    await db.deleteFrom(table).where('cree_le', '>=', started).execute();
  }
  await t.close();
});

const BODY_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
];

/** Bodies no schema describes: broken JSON, odd encodings, other formats. */
const RAW_BODIES = [
  '{"a":',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  'null',
  '[]',
  '"texte"',
  '1e999999',
  '{"nom": "\\ud800"}',
  '{"nom": "a\\u0000b"}',
  '\u0000',
  '\uFEFF{}',
  'PK\u0003\u0004not a zip',
  'type;nom\nCLS;=HYPERLINK("http://x")\n',
  '--x\r\nContent-Disposition: form-data; name="fichier"; filename="a.csv"\r\n\r\nnom\r\n--x--\r\n',
  '--x\r\nbroken',
  `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
];

function operations(): { method: string; path: string; op: Operation }[] {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, op });
  }
  return out;
}

function requestArbitrary(method: string, path: string, op: Operation): fc.Arbitrary<InjectOptions> {
  // PDF goes through a browser: seconds per request, and what it prints is the HTML already fuzzed.
  const schemas = new SchemaArbitraries(doc.components.schemas, ['pdf']);
  const params = op.parameters ?? [];
  const pathArbs: Record<string, fc.Arbitrary<string>> = {};
  for (const p of params.filter((x) => x.in === 'path')) {
    const real = known[p.name] ?? [];
    const typed = schemas.of(p.schema).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
    pathArbs[p.name] = real.length
      ? fc.oneof(fc.constantFrom(...real), typed, nastyString)
      : fc.oneof(typed, nastyString);
  }
  const queryArbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params.filter((x) => x.in === 'query')) queryArbs[p.name] = schemas.of(p.schema);
  const json = op.requestBody?.content['application/json']?.schema;
  const body = fc.oneof(
    { weight: json ? 4 : 0, arbitrary: schemas.of(json).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
  );
  return fc
    .record({
      path: fc.record(pathArbs),
      query: fc.record(queryArbs, { requiredKeys: [] }),
      extraQuery: fc.constantFrom('', '&__proto__=1', '&limit=1&limit=2', '&inconnu=%E0%A4%A', '&%ZZ=1'),
      body,
      contentType: json ? fc.constantFrom('application/json', ...BODY_TYPES) : fc.constantFrom(...BODY_TYPES),
      ifMatch: fc.constantFrom(undefined, '"1"', 'W/"1"', '*', '"\u00e9"', '"999999999999999999999"'),
    })
    .map(({ path: values, query, extraQuery, body, contentType, ifMatch }) => {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeComponent(values[name] ?? ''));
      const search = Object.entries(query)
        .map(([k, v]) => `${k}=${encodeComponent(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`)
        .join('&');
      const headers: Record<string, string> = {};
      if (ifMatch) headers['if-match'] = ifMatch;
      const withBody = method !== 'GET' && method !== 'DELETE';
      if (withBody && contentType) headers['content-type'] = contentType;
      return {
        method: method as InjectOptions['method'],
        url: `${url}?${search}${extraQuery}`,
        headers,
        ...(withBody ? { payload: body } : {}),
      };
    });
}

function describeRequest(req: InjectOptions, who: string): string {
  const payload = typeof req.payload === 'string' ? req.payload.slice(0, 200) : '';
  return `${who} ${req.method} ${req.url} ${JSON.stringify(req.headers)} ${payload}`;
}

async function check(req: InjectOptions, anonymous: boolean): Promise<void> {
  const before = await databaseFingerprint(t.ctx.database.db);
  const res: LightMyRequestResponse = anonymous ? await t.anonymous(req) : await t.app.inject(req);
  const what = describeRequest(req, anonymous ? 'visiteur' : 'administrateur');
  if (res.statusCode < 400) {
    expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
    return;
  }
  expectFrenchError(res.statusCode, res.headers['content-type'], res.body, what);
  if (WRITES.has(String(req.method))) {
    expect(await databaseFingerprint(t.ctx.database.db), `${what}: refused, yet the database changed`).toBe(
      before,
    );
  }
}

describe('every OpenAPI operation under generated input', () => {
  it('reads the operations from the document', () => {
    expect(operations().length).toBeGreaterThan(50);
  });

  it('answers only French 4xx to bad input, and writes nothing then', async () => {
    // Every operation runs even after one fails, so that a run tells all that remains to fix.
    const failures: string[] = [];
    for (const { method, path, op } of operations()) {
      try {
        await fc.assert(fc.asyncProperty(requestArbitrary(method, path, op), fc.boolean(), check), {
          seed: FUZZ_SEED,
          numRuns: RUNS_PER_OPERATION,
          endOnFailure: true,
        });
      } catch (error) {
        const cause = (error as Error).cause as Error | undefined;
        failures.push(
          `${method} ${path}: ${String((error as Error).message).slice(0, 800)}\n  ${cause?.message.slice(0, 800)}`,
        );
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });

  it('answers 2xx or a French 4xx when one field of a valid body holds a bad value', async () => {
    const failures: string[] = [];
    for (const { method, url, body, schema } of validWrites()) {
      const arb = fc.tuple(fc.constantFrom(...fieldPaths(body, schema)), nastyValue, fc.boolean());
      try {
        await fc.assert(
          fc.asyncProperty(arb, async ([path, value, anonymous]) => {
            const payload = JSON.stringify(withField(body, path, value)) ?? 'null';
            await check({ method, url, payload, headers: { 'content-type': 'application/json' } }, anonymous);
          }),
          { seed: FUZZ_SEED, numRuns: RUNS_PER_OPERATION * 4, endOnFailure: true },
        );
      } catch (error) {
        const cause = (error as Error).cause as Error | undefined;
        failures.push(
          `${method} ${url}: ${String((error as Error).message).slice(0, 800)}\n  ${cause?.message}`,
        );
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });
});

/** Write requests that succeed as they are, with the schema of their body. */
function validWrites(): { method: InjectOptions['method']; url: string; body: unknown; schema: unknown }[] {
  const schemaOf = (path: string, method: string) =>
    doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
  const noticeId = known.id?.[1] ?? '';
  return [
    {
      method: 'POST',
      url: '/api/dynamiques',
      body: dynamicInput(),
      schema: schemaOf('/api/dynamiques', 'post'),
    },
    {
      method: 'POST',
      url: '/api/ressources',
      body: noticeBody({ url: 'https://exemple.fr/rapport', resume: 'Résumé.', motsCles: ['santé'] }),
      schema: schemaOf('/api/ressources', 'post'),
    },
    {
      method: 'POST',
      url: '/api/glossaire',
      body: {
        forme: 'Forme',
        definition: 'Définition',
        variantes: ['v'],
        sources: [{ url: 'https://exemple.fr' }],
      },
      schema: schemaOf('/api/glossaire', 'post'),
    },
    {
      method: 'POST',
      url: '/api/selections',
      body: {
        titre: 'Sélection',
        sections: [{ titre: 'Partie', notices: [{ notice: noticeId, commentaire: 'c' }] }],
      },
      schema: schemaOf('/api/selections', 'post'),
    },
    {
      method: 'POST',
      url: '/api/selections/apercu',
      body: { titre: 'Sélection', sections: [{ titre: 'Partie', notices: [{ notice: noticeId }] }] },
      schema: schemaOf('/api/selections/apercu', 'post'),
    },
    {
      method: 'POST',
      url: '/api/territoires/perimetre/profil',
      body: { communes: ['29151'], date: '2020-06-01' },
      schema: schemaOf('/api/territoires/perimetre/profil', 'post'),
    },
    {
      method: 'POST',
      url: '/api/ressources/doublons',
      body: noticeBody(),
      schema: schemaOf('/api/ressources/doublons', 'post'),
    },
    {
      method: 'POST',
      url: '/api/jetons',
      body: { role: 'lecteur', regions: [], libelle: 'jeton de fuzz' },
      schema: schemaOf('/api/jetons', 'post'),
    },
  ];
}

type FieldPath = (string | number)[];

/** Every leaf of the body, and every top-level property its schema knows (absent ones included). */
function fieldPaths(body: unknown, schema: unknown): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (value: unknown, path: FieldPath) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    } else out.push(path);
  };
  walk(body, []);
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  for (const key of Object.keys(properties)) if (!out.some((p) => p[0] === key)) out.push([key]);
  return out;
}

function withField(body: unknown, path: FieldPath, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}
