import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionBody } from '../factories/actions.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Each kind the journal can bring back after a deletion: where it lives and how it is made. */
const KINDS = [
  { entite: 'dynamique', url: '/api/dynamiques', body: () => dynamicInput({ nom: `Fiche ${newMarker()}` }) },
  { entite: 'notice', url: '/api/ressources', body: () => noticeBody({ titre: `Notice ${newMarker()}` }) },
  { entite: 'action', url: '/api/actions', body: () => actionBody() },
] as const;

/** Created, edited once (version 2), then deleted at version 2. */
async function createEditDelete(kind: (typeof KINDS)[number]) {
  const first = kind.body() as Record<string, unknown>;
  const created = await t.app.inject({ method: 'POST', url: kind.url, payload: first });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const edited = { ...first, resume: 'Texte repris plus tard.' };
  const put = await t.app.inject({
    method: 'PUT',
    url: `${kind.url}/${id}`,
    headers: { 'if-match': '"1"' },
    payload: kind.entite === 'dynamique' ? { ...first, nom: `${String(first.nom)} (modifiée)` } : edited,
  });
  expect(put.statusCode, put.body).toBe(200);
  const removed = await t.app.inject({
    method: 'DELETE',
    url: `${kind.url}/${id}`,
    headers: { 'if-match': '"2"' },
  });
  expect(removed.statusCode, removed.body).toBe(204);
  expect((await t.app.inject(`${kind.url}/${id}`)).statusCode).toBe(404);
  return { id, first };
}

const restore = (entite: string, id: string, version: number, ifMatch?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/historique/${entite}/${id}/restaurer`,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
    payload: { version },
  });

describe.each(KINDS)('a deleted $entite brought back from the journal', (kind) => {
  it('is written again under its id, as the version chosen, numbered after its deletion', async () => {
    const { id, first } = await createEditDelete(kind);
    const res = await restore(kind.entite, id, 1, '"2"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ entite: kind.entite, id, version: 3, restauree: 1 });
    const back = await t.app.inject(`${kind.url}/${id}`);
    expect(back.statusCode).toBe(200);
    expect(back.json().version).toBe(3);
    const field = kind.entite === 'dynamique' ? 'nom' : 'titre';
    expect(back.json()[field]).toBe(first[field]);

    const journal = (
      await t.app.inject({ url: '/api/audit', query: { entite: kind.entite, entiteId: id, limit: '10' } })
    ).json();
    expect(journal.items[0]).toMatchObject({ action: 'restauration', avant: null });
    expect(journal.items.map((e: { action: string }) => e.action)).toContain('suppression');

    // The restored record is an ordinary one again: edited with its new version.
    const again = await t.app.inject({
      method: 'DELETE',
      url: `${kind.url}/${id}`,
      headers: { 'if-match': '"3"' },
    });
    expect(again.statusCode, again.body).toBe(204);
  });

  it('needs If-Match with the version deleted, and succeeds only once', async () => {
    const { id } = await createEditDelete(kind);
    const missing = await restore(kind.entite, id, 1);
    expect(missing.statusCode).toBe(428);
    const stale = await restore(kind.entite, id, 1, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().erreur).toMatch(/supprimé en version 2/);
    expect((await t.app.inject(`${kind.url}/${id}`)).statusCode).toBe(404);

    expect((await restore(kind.entite, id, 2, '"2"')).statusCode).toBe(200);
    const twice = await restore(kind.entite, id, 2, '"2"');
    expect(twice.statusCode).toBe(412);
    expect((await t.app.inject(`${kind.url}/${id}`)).json().version).toBe(3);
  });

  it('is refused to a visitor, and nothing is written', async () => {
    const { id } = await createEditDelete(kind);
    const res = await t.anonymous({
      method: 'POST',
      url: `/api/historique/${kind.entite}/${id}/restaurer`,
      headers: { 'if-match': '"2"' },
      payload: { version: 1 },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().erreur).toMatch(/Connexion requise/);
    expect((await t.app.inject(`${kind.url}/${id}`)).statusCode).toBe(404);
  });
});
