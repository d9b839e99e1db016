import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.ready();
});
afterAll(() => t.close());

interface Route {
  method: string;
  /** In OpenAPI form: `/api/dynamiques/{id}`. */
  path: string;
}

/**
 * Every route of the application, read from Fastify's route tree: each line is one path segment under
 * the line above it, four characters deeper, with the methods it answers.
 */
function routeTable(printed: string): Route[] {
  const parents: string[] = [];
  const routes: Route[] = [];
  for (const line of printed.split('\n')) {
    const m = line.match(/^([│├└─\s]*)(\S+?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = (depth > 0 ? (parents[depth - 1] ?? '') : '') + (m[2] ?? '');
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      routes.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
    }
  }
  return routes;
}

interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function apiRoutes(): Route[] {
  return routeTable(t.app.printRoutes({ commonPrefix: false })).filter(
    (r) => r.path.startsWith('/api/') && r.method !== 'HEAD' && r.path !== '/api/openapi.json',
  );
}

describe('OpenAPI document', () => {
  const doc = () => t.app.swagger() as { paths: Record<string, Record<string, Operation>> };

  it('reads the route table', () => {
    const routes = apiRoutes();
    expect(routes).toContainEqual({ method: 'GET', path: '/api/dynamiques/{id}/historique' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/territoires/perimetre/profil' });
    expect(routes.length).toBeGreaterThan(40);
  });

  it('documents a success response with its body for every API route', () => {
    const missing: string[] = [];
    for (const { method, path } of apiRoutes()) {
      const op = doc().paths[path]?.[method.toLowerCase()];
      const success = op?.responses?.['200'] ?? op?.responses?.['201'] ?? op?.responses?.['202'];
      // A 204 documents its empty body (deletions, logout, password change); a 302 its Location (login
      // through an identity provider).
      if (op?.responses?.['204'] || op?.responses?.['302']) continue;
      const schemas = Object.values(success?.content ?? {}).filter((c) => c.schema !== undefined);
      if (schemas.length === 0) missing.push(`${method} ${path}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents the parameters of every path', () => {
    const missing: string[] = [];
    for (const { method, path } of apiRoutes()) {
      const op = doc().paths[path]?.[method.toLowerCase()];
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        if (!op?.parameters?.some((p) => p.in === 'path' && p.name === name))
          missing.push(`${method} ${path}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents JSON bodies by schema and files by media type', () => {
    const { paths } = doc();
    const json = (path: string, method: string, status = '200') =>
      paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    expect(json('/api/dynamiques/{id}', 'get')).toEqual({ $ref: '#/components/schemas/Dynamique' });
    expect(json('/api/dynamiques', 'post', '201')).toEqual({ $ref: '#/components/schemas/Dynamique' });
    expect(json('/api/dynamiques/{id}', 'put', '412')).toEqual({ $ref: '#/components/schemas/Erreur' });
    const report = paths['/api/rapports/etat-des-lieux']?.get?.responses?.['200']?.content ?? {};
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['application/pdf', 'text/html']));
    const counts = paths['/api/analyses/comptages']?.get?.responses?.['200']?.content ?? {};
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['application/json', 'text/csv']));
  });

  it('describes one history entry shape for every kind of record', () => {
    const { paths } = doc();
    const histories = [
      '/api/dynamiques/{id}/historique',
      '/api/ressources/{id}/historique',
      '/api/glossaire/{sigle}/historique',
      '/api/selections/{id}/historique',
    ].map((p) => JSON.stringify(paths[p]?.get?.responses?.['200']?.content?.['application/json']?.schema));
    expect(new Set(histories).size).toBe(1);
    expect(histories[0]).toContain('#/components/schemas/EntreeHistorique');
  });
});

describe('response schemas', () => {
  it('answer the error shape on a 4xx of a route with a response schema', async () => {
    const res = await t.app.inject('/api/dynamiques/inconnue');
    expect(res.statusCode).toBe(404);
    expect(Object.keys(res.json())).toEqual(['erreur']);
  });

  it('send file bodies untouched', async () => {
    const res = await t.app.inject('/api/analyses/comptages?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\n')[0]).toMatch(/;/);
  });
});
