import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, TEST_ADMIN } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/dynamiques', payload: payload as object });

async function create(overrides: Record<string, unknown> = {}) {
  const res = await post(dynamicInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return { body: res.json(), etag: res.headers.etag as string };
}

describe('dynamics CRUD', () => {
  it('creates a record, expands its perimeter and returns an ETag', async () => {
    const { body, etag } = await create({ perimetre: { communes: ['42218'], epci: ['244200770'] } });
    expect(etag).toBe('"1"');
    expect(body).toMatchObject({ type: 'CLS', statut: 'actif', version: 1 });
    expect(body.perimetre.epci).toEqual(['244200770']);
    expect(body.perimetre.communes.length).toBeGreaterThan(40);
    expect(body.perimetre.communes).toContain('42218');

    const read = await t.app.inject(`/api/dynamiques/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json().nom).toBe(body.nom);
  });

  it('a département perimeter lists every commune of it', async () => {
    const { body } = await create({ type: 'PTSM', perimetre: { departements: ['2A'] } });
    expect(body.perimetre.communes.length).toBeGreaterThan(100);
    expect(body.perimetre.communes.every((c: string) => c.startsWith('2A'))).toBe(true);
  });

  it('updates with the right If-Match, bumps the version and records the history', async () => {
    const { body } = await create();
    const changed = { ...dynamicInput(), nom: `${body.nom} (renouvelé)` };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${body.id}`,
      headers: { 'if-match': '"1"' },
      payload: changed,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json().nom).toBe(changed.nom);

    const history = (await t.app.inject(`/api/dynamiques/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'modification']);
    expect(history.items[1].avant.nom).toBe(body.nom);
    expect(history.items[1].apres.nom).toBe(changed.nom);
    expect(history.items[1].auteur).toBe(TEST_ADMIN);
    expect(Date.parse(history.items[1].date)).not.toBeNaN();
  });

  it('PUT without If-Match → 428, with a stale one → 412, and nothing changes', async () => {
    const { body } = await create();
    const payload = { ...dynamicInput(), nom: 'Ne doit pas être enregistré' };
    const missing = await t.app.inject({ method: 'PUT', url: `/api/dynamiques/${body.id}`, payload });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().erreur).toMatch(/If-Match/);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${body.id}`,
      headers: { 'if-match': '"7"' },
      payload,
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().erreur).toMatch(/modifiée entre-temps/);
    expect((await t.app.inject(`/api/dynamiques/${body.id}`)).json().nom).toBe(body.nom);
  });

  it('two concurrent PUTs with the same ETag: exactly one 200 and one 412', async () => {
    const { body } = await create();
    const put = (nom: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/dynamiques/${body.id}`,
        headers: { 'if-match': '"1"' },
        payload: { ...dynamicInput(), nom },
      });
    const results = await Promise.all([put('Version A'), put('Version B')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json().nom;
    const stored = (await t.app.inject(`/api/dynamiques/${body.id}`)).json();
    expect(stored.nom).toBe(winner);
    expect(stored.version).toBe(2);
    const history = (await t.app.inject(`/api/dynamiques/${body.id}/historique`)).json();
    expect(history.total).toBe(2);
  });

  it('DELETE needs If-Match, then the record is gone but its history stays', async () => {
    const { body } = await create();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/dynamiques/${body.id}` })).statusCode).toBe(
      428,
    );
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/dynamiques/${body.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject(`/api/dynamiques/${body.id}`)).statusCode).toBe(404);
    const history = (await t.app.inject(`/api/dynamiques/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'suppression']);
    expect(history.items[1].apres).toBeNull();
  });

  it('unknown id → 404 in French', async () => {
    const res = await t.app.inject('/api/dynamiques/inexistante');
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucune dynamique/);
  });

  it('contacts without consent are never exposed to anonymous readers', async () => {
    const { body } = await create({
      contacts: [
        { nom: 'Coordinatrice publique', email: 'publique@example.org', public: true },
        { nom: 'Coordinateur privé', email: 'prive@example.org', public: false },
      ],
    });
    expect(body.contacts).toHaveLength(2);
    const read = (await t.anonymous({ url: `/api/dynamiques/${body.id}` })).json();
    expect(read.contacts.map((c: { nom: string }) => c.nom)).toEqual(['Coordinatrice publique']);
    const history = (await t.anonymous({ url: `/api/dynamiques/${body.id}/historique` })).body;
    expect(history).not.toContain('prive@example.org');
    expect(history).toContain('publique@example.org');
  });

  it('an anonymous edit is refused with 401 and changes nothing', async () => {
    const { body, etag } = await create({});
    const { id, version, date, fraicheur, creeLe, modifieLe, ...rest } = body;
    const res = await t.anonymous({
      method: 'PUT',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': etag },
      payload: { ...rest, perimetre: { communes: rest.perimetre.communesSaisies }, nom: 'Pirate' },
    });
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().erreur).toMatch(/Connexion requise/);
    const stored = await t.ctx.services.registry.get(systemActor('test'), id);
    expect(stored.nom).toBe(body.nom);
    expect(stored.version).toBe(version);
  });
});

describe('dynamics validation: 400 naming the field, nothing written', () => {
  it.each([
    ['missing type', { type: undefined }, 'type'],
    ['unknown type', { type: 'HOPITAL' }, 'type'],
    ['empty name', { nom: '  ' }, 'nom'],
    ['empty perimeter', { perimetre: {} }, 'perimetre'],
    ['malformed commune', { perimetre: { communes: ['4221'] } }, 'perimetre.communes.0'],
    ['unknown commune', { perimetre: { communes: ['42218', '99999'] } }, 'perimetre.communes.1'],
    ['unknown EPCI', { perimetre: { epci: ['123456789'] } }, 'perimetre.epci.0'],
    ['no status nor events', { statut: undefined }, 'statut'],
    ['unknown status', { statut: 'ferme' }, 'statut'],
    ['impossible date', { dateDebut: '2023-02-30' }, 'dateDebut'],
    ['end before start', { dateFin: '2000-01-01' }, 'dateFin'],
    ['bad event type', { evenements: [{ date: '2020-01-01', type: 'fete' }] }, 'evenements.0.type'],
    ['negative FTE', { coordination: [{ intitule: 'Coordination', etp: -1 }] }, 'coordination.0.etp'],
    ['unknown link target', { liens: [{ type: 'partenaire_de', cible: 'nope' }] }, 'liens.0.cible'],
    ['bad contact email', { contacts: [{ nom: 'X', email: 'pas-un-email' }] }, 'contacts.0.email'],
    ['unknown kind-specific field', { specifique: { couleur: 'bleu' } }, 'specifique'],
  ])('%s', async (_label, overrides, field) => {
    const payload = dynamicInput(overrides as Record<string, unknown>);
    const before = (await t.app.inject({ url: '/api/dynamiques', query: { q: String(payload.nom) } })).json()
      .total;
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(typeof body.erreur).toBe('string');
    expect(Object.keys(body.champs)).toContain(field);
    const after = (await t.app.inject({ url: '/api/dynamiques', query: { q: String(payload.nom) } })).json()
      .total;
    expect(after).toBe(before);
  });

  it('a body that is not JSON → 400 in French', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      headers: { 'content-type': 'application/json' },
      payload: '{"type": "CLS",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur).toMatch(/invalide/i);
  });
});
