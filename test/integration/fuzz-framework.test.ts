import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';
import { databaseFingerprint, expectFrenchError } from '../helpers/fuzz-inputs.ts';

// What is refused before any route runs (parsing of the request line, headers, address and body) answers
// in the same French `{erreur, champs}` as the routes, and writes nothing.

let t: Awaited<ReturnType<typeof createTestApp>>;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Sends bytes as they are on a socket, and parses the answer's status, headers and body. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

function expectRawFrench(res: { status: number; headers: string; body: string }, status: number): void {
  expect(res.status).toBe(status);
  const contentType = /content-type: ([^\r\n]+)/i.exec(res.headers)?.[1];
  expectFrenchError(res.status, contentType, res.body, `réponse ${status}`);
}

describe('requests Node.js or Fastify refuse before routing', () => {
  it('431 when the headers are too large, a cookie or the address', async () => {
    const cookie = `odts_session=${'a'.repeat(40_000)}`;
    expectRawFrench(
      await raw(
        `GET /api/health HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
      ),
      431,
    );
    const url = `/api/territoires?q=${'a'.repeat(40_000)}`;
    expectRawFrench(await raw(`GET ${url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`), 431);
  });

  it('400 for a request that is not HTTP', async () => {
    expectRawFrench(await raw('BONJOUR\r\n\r\n'), 400);
    expectRawFrench(
      await raw('POST /api/glossaire HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}'),
      400,
    );
  });

  it('414 for a path segment too long, 400 for a bad percent-encoding', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/dynamiques/${'a'.repeat(300)}` });
    expectFrenchError(long.statusCode, long.headers['content-type'], long.body, 'segment long');
    // 414 from the router; 404 when the built web interface is served, whose catch-all route takes
    // the address first and answers API paths it does not know with the API's 404.
    expect([414, 404]).toContain(long.statusCode);
    for (const url of ['/api/dynamiques/%E0%A4%A', '/api/glossaire/%ED%A0%80', '/api/ressources/%']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expectFrenchError(res.statusCode, res.headers['content-type'], res.body, url);
    }
    const query = await t.app.inject({ method: 'GET', url: `/api/territoires?q=${'a'.repeat(10_000)}` });
    expect(query.statusCode).toBe(400);
    expectFrenchError(query.statusCode, query.headers['content-type'], query.body, 'paramètre long');
  });
});

describe('bodies refused with nothing written', () => {
  const write = (payload: string | Buffer, contentType = 'application/json', url = '/api/dynamiques') =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

  const cases: [
    string,
    () => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>,
    number,
  ][] = [
    ['JSON cut short', () => write('{"type": "CLS", '), 400],
    ['empty JSON body', () => write(''), 400],
    ['wrong content type', () => write('<dynamique/>', 'application/xml'), 415],
    ['form instead of JSON', () => write('type=CLS&nom=x', 'application/x-www-form-urlencoded'), 415],
    ['__proto__ key', () => write(JSON.stringify(dynamicInput()).replace('{', '{"__proto__":{"x":1},')), 400],
    ['constructor.prototype key', () => write('{"constructor":{"prototype":{"x":1}}}'), 400],
    ['array instead of object', () => write(JSON.stringify([dynamicInput()])), 400],
    ['NUL in a text', () => write(JSON.stringify(dynamicInput({ nom: 'Contrat\u0000local' }))), 400],
    [
      'lone surrogate in a text',
      () => write(JSON.stringify(dynamicInput({ nom: 'Contrat \uD800 local' }))),
      400,
    ],
    ['year 0000', () => write(JSON.stringify(dynamicInput({ dateDebut: '0000-01-01' }))), 400],
    ['date that does not exist', () => write(JSON.stringify(dynamicInput({ dateDebut: '2023-02-29' }))), 400],
    ['huge number', () => write('{"forme":1e999,"definition":"d"}', undefined, '/api/glossaire'), 400],
    [
      'huge number in a query',
      () => t.app.inject({ method: 'GET', url: '/api/dynamiques?limit=1e999' }),
      400,
    ],
    [
      'year 0000 in a query',
      () => t.app.inject({ method: 'GET', url: '/api/dynamiques?date=0000-01-01' }),
      400,
    ],
    ['deeply nested arrays', () => write(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), 400],
    ['body over the limit', () => write(Buffer.alloc(21 * 1024 * 1024, 32)), 413],
    [
      'NUL in a glossary key',
      () => write('{"sigle":"A\\u0000","forme":"f","definition":"d"}', undefined, '/api/glossaire'),
      400,
    ],
  ];

  it.each(cases)('%s', async (_label, send, status) => {
    const before = await databaseFingerprint(t.ctx.database.db);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expectFrenchError(res.statusCode, res.headers['content-type'], res.body, _label);
    expect(await databaseFingerprint(t.ctx.database.db)).toBe(before);
  });

  it('names the field holding text the database cannot store', async () => {
    const res = await write(JSON.stringify(dynamicInput({ nom: 'a\u0000b' })));
    expect(res.json().champs).toMatchObject({ nom: expect.stringContaining('U+0000') });
  });
});
