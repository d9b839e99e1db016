import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../src/auth/route-permissions.ts';
import { can, type Permission, ROLES, type Role } from '../../src/domain/auth/roles.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) tokens.set(role, await t.tokenFor(role));
});
afterAll(() => t.close());

/** Every route of the application, as Fastify registered it. */
function routeTable(): { method: string; url: string }[] {
  return t.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
}

const fill = (url: string) => url.replace(/:(\w+)/g, 'inconnu-de-test');

describe('who may call what: every route × every role', () => {
  it('every write route of the application has an access rule', () => {
    const writes = routeTable().filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThan(15);
    for (const r of writes) expect(ROUTE_RULES[`${r.method} ${r.url}`], `${r.method} ${r.url}`).toBeDefined();
  });

  for (const [key, rule] of Object.entries(ROUTE_RULES)) {
    it(`${key} → ${rule}`, async () => {
      const [method, url] = key.split(' ') as [string, string];
      const call = (authorization?: string) => {
        const opts = {
          method: method as 'GET',
          url: fill(url),
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        };
        return authorization ? t.app.inject({ ...opts, headers: { authorization } }) : t.anonymous(opts);
      };
      const anonymousRes = await call();
      if (rule === 'public') {
        expect([401, 403]).not.toContain(anonymousRes.statusCode);
        return;
      }
      expect(anonymousRes.statusCode, anonymousRes.body).toBe(401);
      expect(anonymousRes.json().erreur).toMatch(/connexion|connecté/i);
      for (const role of ROLES) {
        const res = await call(`Bearer ${tokens.get(role)}`);
        const allowed =
          rule === 'connecte' ||
          can({ kind: 'user', id: 'x', email: 'x', role, regions: [], dynamiques: [] }, rule as Permission);
        if (allowed) expect(res.statusCode, `${role}: ${res.body}`).not.toBe(403);
        else {
          expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
          expect(res.json().erreur).toMatch(/non autorisée/);
        }
      }
    });
  }
});
