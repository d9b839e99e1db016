import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { clearDepartement } from '../helpers/registry-cleanup.ts';

// Creuse belongs to this file: its dynamics are removed first.
const GUERET = '23096';
const PROFILE = `/api/territoires/commune/${GUERET}/profil`;
const LIST = `/api/dynamiques?territoire=commune:${GUERET}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await clearDepartement(t.ctx.database.db, '23');
});
afterAll(async () => {
  await clearDepartement(t.ctx.database.db, '23');
  await t.close();
});

const visit = (url: string, headers: Record<string, string> = {}) =>
  t.anonymous({ method: 'GET', url, headers });

async function createAtGueret(name: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: name, perimetre: { communes: [GUERET] } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('kept public answers', () => {
  it('carry a strong ETag, answer 304 to If-None-Match and change with the next write', async () => {
    const first = await visit(PROFILE);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await visit(PROFILE);
    expect(again.headers.etag).toBe(etag);
    expect(again.body).toBe(first.body);
    const unchanged = await visit(PROFILE, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');

    const { id } = await createAtGueret(`CLS de Guéret ${newMarker()}`);
    const after = await visit(PROFILE, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().dynamiques.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('see a removal made by hand in SQL, which leaves no history (the registry counter moves)', async () => {
    const name = `MSP de Guéret ${newMarker()}`;
    const { id } = await createAtGueret(name);
    expect((await visit(LIST)).json().items.map((d: { nom: string }) => d.nom)).toContain(name);
    await sql`delete from dynamique where id = ${id}`.execute(t.ctx.database.db);
    const names = (await visit(LIST)).json().items.map((d: { nom: string }) => d.nom);
    expect(names).not.toContain(name);
  });

  it('see a new notice in the next search', async () => {
    const marker = newMarker();
    const search = `/api/ressources?q=${marker}`;
    expect((await visit(search)).json().total).toBe(0);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: noticeBody({ titre: `Guide ${marker}` }),
    });
    expect(created.statusCode).toBe(201);
    expect((await visit(search)).json().total).toBe(1);
  });

  it('go out compressed, with their own ETag, to a client that accepts gzip once asked again', async () => {
    const plain = await visit(PROFILE);
    const zipped = await visit(PROFILE, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    const refused = await visit(PROFILE, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('are never served to a signed-in caller, whose answer may differ', async () => {
    const anonymous = await visit(PROFILE);
    const signedIn = await t.app.inject({
      method: 'GET',
      url: PROFILE,
      headers: { 'if-none-match': anonymous.headers.etag as string },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers.etag).toBeUndefined();
  });

  it('never keep an error', async () => {
    const wrong = await visit('/api/territoires/commune/99999/profil');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.headers.etag).toBeUndefined();
  });
});
