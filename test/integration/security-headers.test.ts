import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { webPagePolicy } from '../../src/http/security-headers.ts';
import { actAsAdministrator, createTestContext } from '../helpers/context.ts';
import { databaseFingerprint, expectFrenchError } from '../helpers/fuzz-inputs.ts';

// Security headers of HTML pages, API answers and static files, HSTS behind TLS, and the Origin check
// of every write route.

let ctx: AppContext;
let app: FastifyInstance;
let tlsApp: FastifyInstance;
let webDir: string;

beforeAll(async () => {
  // A stand-in for the built interface: the headers do not depend on what the page contains.
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><script src="/assets/app-1.js"></script>',
  );
  fs.writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log(1);');
  ctx = await createTestContext();
  app = await buildApp(ctx, { webDir });
  await actAsAdministrator(ctx, app);
  tlsApp = await buildApp(ctx, { webDir: false, secureCookies: true });
});

afterAll(async () => {
  await app.close();
  await tlsApp.close();
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

/** The directives of a Content-Security-Policy, by name. */
function directives(policy: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of String(policy).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

function expectCommonHeaders(headers: Record<string, unknown>, what: string): void {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(directives(headers['content-security-policy']).get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(headers['strict-transport-security'], `${what}: HSTS only behind TLS`).toBeUndefined();
}

describe('security headers', () => {
  it('HTML pages: scripts from this origin only, no inline script nor eval', async () => {
    for (const url of ['/', '/registre', '/dynamiques/abc?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectCommonHeaders(res.headers, url);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      for (const values of csp.values()) {
        expect(values).not.toContain("'unsafe-eval'");
        expect(values).not.toContain('*');
      }
    }
  });

  it('static files carry the same headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(res.statusCode).toBe(200);
    expectCommonHeaders(res.headers, 'fichier statique');
    expect(directives(res.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
  });

  it('API answers, errors included: a policy that loads nothing and runs no script', async () => {
    for (const url of [
      '/api/health',
      '/api/dynamiques?limit=1',
      '/api/inconnue',
      '/api/dynamiques?limit=x',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expectCommonHeaders(res.headers, url);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toEqual(["'none'"]);
      expect(csp.has('script-src'), url).toBe(false);
    }
  });

  it('HSTS over TLS only, when the server is configured for it', async () => {
    const tls = await tlsApp.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const plain = await tlsApp.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const notConfigured = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(notConfigured.headers['strict-transport-security']).toBeUndefined();
  });

  it('the basemap origin alone joins images and connections, never scripts', () => {
    const csp = directives(webPagePolicy('https://{s}.tuiles.example.org/{z}/{x}/{y}.png'));
    expect(csp.get('img-src')).toContain('https://*.tuiles.example.org');
    expect(csp.get('connect-src')).toContain('https://*.tuiles.example.org');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(directives(webPagePolicy('javascript:alert(1)')).get('connect-src')).toEqual(["'self'"]);
    expect(
      directives(webPagePolicy("https://x.example;script-src 'unsafe-inline'")).get('script-src'),
    ).toEqual(["'self'"]);
  });
});

describe('Origin of writes', () => {
  const writes = () =>
    app.routeList.filter(
      (r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );

  it('every write route refuses another site, a null origin and a malformed one, and writes nothing', async () => {
    expect(writes().length).toBeGreaterThan(15);
    for (const { method, url } of writes()) {
      const target = url.replace(/:(\w+)/g, 'x');
      for (const origin of ['https://malveillant.example', 'null', 'http://localhost:80@evil', '::']) {
        const before = await databaseFingerprint(ctx.database.db);
        const res = await app.inject({
          method: method as 'POST',
          url: target,
          headers: { origin, host: 'localhost', 'content-type': 'application/json' },
          payload: '{}',
        });
        const what = `${method} ${target} depuis ${origin}`;
        expect(res.statusCode, what).toBe(403);
        expectFrenchError(res.statusCode, res.headers['content-type'], res.body, what);
        expect(await databaseFingerprint(ctx.database.db), what).toBe(before);
      }
    }
  });

  it('a write from this server’s own origin goes through', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/ressources/doublons',
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
      payload: { type: 'rapport', titre: 'Un titre', auteurs: [], date: '2020' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
