import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const stamp = `${process.pid}-${Date.now()}`;
const person = `rgpd-${stamp}@example.org`;
const password = 'mot de passe de la personne';
let userId: string;
let dynamicId: string;
let sessionCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.ctx.services.auth.addUser(systemActor('tests'), {
    email: person,
    nom: 'Alix Effaçable',
    role: 'equipe_regionale',
    regions: [],
    dynamiques: [],
    motDePasse: password,
  });
  userId = user.id;
  const login = await t.anonymous({
    method: 'POST',
    url: '/api/auth/connexion',
    payload: { email: person, motDePasse: password },
    remoteAddress: '10.8.0.1',
  });
  const cookies = [login.headers['set-cookie']].flat().map(String);
  sessionCookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const csrf = login.json().csrf;
  // The person edits a dynamic (authored history) and is a contact of another one.
  const created = await t.anonymous({
    method: 'POST',
    url: '/api/dynamiques',
    headers: { cookie: sessionCookie, 'x-csrf-token': csrf },
    payload: {
      type: 'CLS',
      nom: `CLS RGPD ${stamp}`,
      statut: 'actif',
      perimetre: { communes: ['42218'] },
      contacts: [
        { nom: 'Alix Effaçable', email: person.toUpperCase(), role: 'coordination' },
        { nom: 'Autre personne', email: `autre-${stamp}@example.org` },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  dynamicId = created.json().id;
});
afterAll(() => t.close());

describe('export of a person’s data', () => {
  it('gathers the account, session dates, authored history and contacts; the person reads their own', async () => {
    const own = await t.anonymous({ url: '/api/moi/donnees', headers: { cookie: sessionCookie } });
    expect(own.statusCode, own.body).toBe(200);
    const data = own.json();
    expect(data.compte).toMatchObject({ id: userId, email: person, nom: 'Alix Effaçable' });
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['creeLe', 'expireLe']);
    expect(data.historique).toContainEqual(
      expect.objectContaining({ entite: 'dynamique', entiteId: dynamicId, action: 'creation' }),
    );
    expect(data.contacts).toEqual([
      expect.objectContaining({
        entite: 'dynamique',
        id: dynamicId,
        donnees: expect.objectContaining({ role: 'coordination' }),
      }),
    ]);
    expect(JSON.stringify(data)).not.toMatch(/scrypt|autre-/);
    const byAdmin = await t.app.inject({ url: `/api/utilisateurs/${userId}/donnees` });
    expect(byAdmin.json().compte.id).toBe(userId);
  });

  it('a token without an account has no personal data; a visitor must sign in', async () => {
    const token = await t.tokenFor('documentaliste');
    const res = await t.app.inject({
      url: '/api/moi/donnees',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(404);
    expect((await t.anonymous({ url: '/api/moi/donnees' })).statusCode).toBe(401);
  });
});

describe('erasure of a person (administrators)', () => {
  it('anonymises the account, removes the contact as a new version, pseudonymises the history', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/personnes/effacement',
      payload: { email: person },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      email: person,
      compte: userId,
      contactsRetires: [{ entite: 'dynamique', id: dynamicId }],
    });
    expect(report.pseudonyme).toMatch(/^personne-effacee-[0-9a-f]{10}$/);

    // The account: deactivated, no name or e-mail left, its session gone.
    const account = (await t.app.inject({ url: `/api/utilisateurs/${userId}` })).json();
    expect(account).toMatchObject({
      actif: false,
      nom: report.pseudonyme,
      email: `${report.pseudonyme}@efface.invalid`,
    });
    expect((await t.anonymous({ url: '/api/moi', headers: { cookie: sessionCookie } })).statusCode).toBe(401);

    // The dynamic: a new version without the contact, the other contact kept.
    const dyn = (await t.app.inject({ url: `/api/dynamiques/${dynamicId}` })).json();
    expect(dyn.version).toBe(2);
    expect(dyn.contacts.map((c: { nom: string }) => c.nom)).toEqual(['Autre personne']);

    // The history keeps every entry, with the pseudonym instead of the person.
    const history = (await t.app.inject({ url: `/api/dynamiques/${dynamicId}/historique` })).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['creation', 'modification']);
    expect(history.items[0].auteur).toBe(report.pseudonyme);
    expect(history.items[0].apres.contacts[0]).toMatchObject({ nom: report.pseudonyme, email: null });
    expect(history.items[1].auteur).toBe('jeton « tests administrateur »');
    const everything =
      JSON.stringify((await t.app.inject({ url: `/api/audit?limit=200&entiteId=${dynamicId}` })).json()) +
      JSON.stringify(
        (await t.app.inject({ url: `/api/audit?entite=utilisateur&entiteId=${userId}` })).json(),
      );
    expect(everything.toLowerCase()).not.toContain(person.toLowerCase());
    expect(everything).not.toContain('Alix');
    const accountHistory = (
      await t.app.inject({ url: `/api/audit?entite=utilisateur&entiteId=${userId}` })
    ).json();
    expect(accountHistory.items[0]).toMatchObject({ action: 'effacement', apres: { actif: false } });

    // Nothing is left to find.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/personnes/effacement',
      payload: { email: person },
    });
    expect(again.json()).toMatchObject({ compte: null, contactsRetires: [], historiqueAnonymise: 0 });
  });

  it('only administrators erase', async () => {
    const team = await t.tokenFor('equipe_regionale');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/personnes/effacement',
      headers: { authorization: `Bearer ${team}` },
      payload: { email: person },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('restoring an earlier version from the history', () => {
  it('writes version 1 of a dynamic again as a new version, with If-Match and a restauration entry', async () => {
    const current = (await t.app.inject({ url: `/api/dynamiques/${dynamicId}` })).json();
    const restore = (version: number, ifMatch?: string, authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/historique/dynamique/${dynamicId}/restaurer`,
        headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...(authorization ? { authorization } : {}) },
        payload: { version },
      });
    expect((await restore(1)).statusCode).toBe(428);
    expect((await restore(1, '"1"')).statusCode).toBe(412);
    const doc = await t.tokenFor('documentaliste');
    expect((await restore(1, `"${current.version}"`, `Bearer ${doc}`)).statusCode).toBe(403);
    expect((await restore(9, `"${current.version}"`)).statusCode).toBe(404);

    const res = await restore(1, `"${current.version}"`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      entite: 'dynamique',
      id: dynamicId,
      version: current.version + 1,
      restauree: 1,
    });
    expect(res.headers.etag).toBe(`"${current.version + 1}"`);
    const audit = (await t.app.inject({ url: `/api/audit?entite=dynamique&entiteId=${dynamicId}` })).json();
    expect(audit.items[0]).toMatchObject({ action: 'restauration', version: current.version + 1 });
  });

  it('restores a notice through the notice service; unknown kinds are refused', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ressources',
      payload: { type: 'rapport', titre: `Rapport premier titre ${stamp}`, date: '2020' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const notice = created.json();
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/ressources/${notice.id}`,
      headers: { 'if-match': '"1"' },
      payload: { type: 'rapport', titre: `Rapport second titre ${stamp}`, date: '2020' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/historique/notice/${notice.id}/restaurer`,
      headers: { 'if-match': '"2"' },
      payload: { version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const back = (await t.app.inject({ url: `/api/ressources/${notice.id}` })).json();
    expect(back).toMatchObject({ titre: `Rapport premier titre ${stamp}`, version: 3 });
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/historique/planete/x/restaurer`,
      headers: { 'if-match': '"1"' },
      payload: { version: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().champs.entite).toMatch(/dynamique, notice/);
  });
});
