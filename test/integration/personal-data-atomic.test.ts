import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const stamp = `${process.pid}-${Date.now()}`;
const person = `rgpd-atomique-${stamp}@example.org`;
const admin = systemActor('tests');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A person with an account who is also the contact of a dynamic. */
async function personWithContact() {
  const user = await t.ctx.services.auth.addUser(admin, {
    email: person,
    nom: 'Camille Gardée',
    role: 'documentaliste',
    regions: [],
    dynamiques: [],
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({
      nom: `CLS ${stamp}`,
      contacts: [{ nom: 'Camille Gardée', email: person, role: 'coordination' }],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  return { userId: user.id, dynamicId: created.json().id as string };
}

describe('an erasure is written whole or not at all', () => {
  it('leaves account, contacts and history untouched when one module fails to write', async () => {
    const { userId, dynamicId } = await personWithContact();
    // A module whose write fails after the others have written theirs in the same transaction.
    t.ctx.services.personalData.register({
      entite: 'panne',
      find: async () => [],
      prepareErase: async () => ({
        changed: [],
        write: async () => {
          throw new Error('écriture impossible');
        },
      }),
    });

    await expect(t.ctx.services.personalData.erase(admin, person)).rejects.toThrow('écriture impossible');

    const dynamic = (await t.app.inject(`/api/dynamiques/${dynamicId}`)).json();
    expect(dynamic.version).toBe(1);
    expect(dynamic.contacts.map((c: { email: string }) => c.email)).toEqual([person]);
    const users = (await t.ctx.services.auth.listUsers(admin)).items;
    expect(users.find((u) => u.id === userId)).toMatchObject({ email: person, actif: true });
    const journal = (
      await t.app.inject({ url: '/api/audit', query: { entite: 'dynamique', entiteId: dynamicId } })
    ).json();
    expect(journal.items.map((e: { action: string }) => e.action)).toEqual(['creation']);
    expect(JSON.stringify(journal.items)).toContain(person);
  });
});
