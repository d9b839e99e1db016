import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionBody, actionMarker } from '../factories/actions.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, TEST_ADMIN, type TestApp } from '../helpers/context.ts';
import { addTestQpv, removeTestQpv, TEST_QPV } from '../helpers/test-qpv.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await addTestQpv(t.ctx.database.db);
});
afterAll(async () => {
  await removeTestQpv(t.ctx.database.db);
  await t.close();
});

async function create(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/actions',
    payload: actionBody(overrides),
    headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { body: res.json(), etag: res.headers.etag as string };
}

const put = (id: string, payload: unknown, ifMatch?: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/actions/${id}`,
    headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...headers },
    payload: payload as object,
  });

async function newDynamic(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; type: string; nom: string };
}

describe('actions CRUD', () => {
  it('creates an action with the grid fields, derives places, setting and QPV, and reads it back', async () => {
    const asv = await newDynamic({ type: 'ASV' });
    const { body, etag } = await create({
      territoire: { communes: ['42218'], qpv: [TEST_QPV] },
      dynamiques: [{ id: asv.id, role: 'porteur' }],
      axesOttawa: ['action_communautaire'],
      etapes: ['mise_en_oeuvre', 'diagnostic'],
    });
    expect(etag).toBe('"1"');
    expect(body).toMatchObject({
      type: 'fiche_action',
      version: 1,
      milieu: 'urbain',
      qpv: true,
      impliqueVille: true,
      duree: 4,
      departements: ['42'],
      regions: ['84'],
      etapes: ['diagnostic', 'mise_en_oeuvre'],
      dynamiquesDetail: [{ id: asv.id, role: 'porteur', type: 'ASV', nom: asv.nom }],
    });
    const read = await t.app.inject(`/api/actions/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(body);
  });

  it('keeps a setting given by hand and says whether the action is in a QPV as entered', async () => {
    const { body } = await create({ milieu: 'mixte', qpv: false, territoire: { qpv: [TEST_QPV] } });
    expect(body).toMatchObject({ milieu: 'mixte', qpv: false });
  });

  it('suggests rural for a small commune and urban for a city', async () => {
    const { rows } = await sql<{ code: string }>`select code from commune
      where nature = 'commune_actuelle' and population < 300 order by code limit 1`.execute(
      t.ctx.database.db,
    );
    const small = rows[0]?.code as string;
    const rural = await t.app.inject({ url: '/api/actions/milieu', query: { communes: small } });
    expect(rural.json()).toMatchObject({ milieu: 'rural' });
    const both = await t.app.inject({ url: '/api/actions/milieu', query: { communes: `${small},42218` } });
    expect(both.json()).toMatchObject({ milieu: 'mixte' });
    const unknown = await t.app.inject({ url: '/api/actions/milieu', query: { communes: '99999' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().champs).toEqual({ 'territoire.communes.0': 'commune inconnue : 99999' });
  });

  it('updates with If-Match, bumps the version and records the history', async () => {
    const marker = actionMarker();
    const { body } = await create({ titre: `${marker} premier titre` });
    const res = await put(body.id, actionBody({ titre: `${marker} titre corrigé`, fin: null }), '"1"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ titre: `${marker} titre corrigé`, version: 2, fin: null });
    const history = (await t.app.inject(`/api/actions/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'modification']);
    expect(history.items[1]).toMatchObject({
      auteur: TEST_ADMIN,
      avant: { titre: `${marker} premier titre`, version: 1 },
      apres: { titre: `${marker} titre corrigé`, version: 2 },
    });
    const found = (await t.app.inject({ url: '/api/actions', query: { q: `${marker} corrige` } })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([body.id]);
  });

  it('PUT without If-Match → 428, stale → 412, and nothing changes', async () => {
    const { body } = await create();
    const payload = actionBody({ titre: 'Ne doit pas être enregistré' });
    const missing = await put(body.id, payload);
    expect(missing.statusCode).toBe(428);
    expect(missing.json().erreur).toMatch(/If-Match/);
    const stale = await put(body.id, payload, '"5"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().erreur).toMatch(/L’action a été modifiée entre-temps/);
    expect((await t.app.inject(`/api/actions/${body.id}`)).json().titre).toBe(body.titre);
  });

  it('two concurrent PUTs on the same version: one 200, one 412', async () => {
    const { body } = await create();
    const [a, b] = await Promise.all([
      put(body.id, actionBody({ titre: 'Version A' }), '"1"'),
      put(body.id, actionBody({ titre: 'Version B' }), '"1"'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
  });

  it('DELETE needs If-Match; the action is then gone from reads and searches', async () => {
    const marker = actionMarker();
    const { body } = await create({ titre: `${marker} à supprimer` });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/actions/${body.id}` })).statusCode).toBe(428);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/actions/${body.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject(`/api/actions/${body.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/actions', query: { q: marker } })).json().total).toBe(0);
    const history = (await t.app.inject(`/api/actions/${body.id}/historique`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'suppression']);
  });

  it('unknown action → 404 in French', async () => {
    const res = await t.app.inject('/api/actions/inconnue');
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toBe('Aucune action avec l’identifiant « inconnue »');
  });
});

describe('validation: 400 names the field in French, nothing written', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['missing title', { titre: '' }, 'titre', /titre obligatoire/],
    ['unknown type', { type: 'fiche' }, 'type', /type inconnu : valeurs possibles fiche_action/],
    ['unknown scale', { echelle: 'canton' }, 'echelle', /échelle inconnu/],
    [
      'bad commune code',
      { territoire: { communes: ['4221'] } },
      'territoire.communes.0',
      /code commune INSEE/,
    ],
    [
      'unknown funder type',
      { financeurs: [{ type: 'banque' }] },
      'financeurs.0.type',
      /type de financeur inconnu/,
    ],
    ['negative amount', { financeurs: [{ type: 'ARS', montant: -5 }] }, 'financeurs.0.montant', /négatif/],
    [
      'partner without name',
      { partenaires: [{ type: 'association' }] },
      'partenaires.0.nom',
      /nom du partenaire/,
    ],
    ['unknown policy', { politiques: ['PRS', 'XYZ'] }, 'politiques.1', /politique inconnu/],
    ['end before start', { debut: '2018-01-01', fin: '2017-01-01' }, 'fin', /la fin précède le début/],
    ['bad date', { debut: '2018-02-30' }, 'debut', /date inexistante/],
    ['bad role', { dynamiques: [{ id: 'x', role: 'chef' }] }, 'dynamiques.0.role', /rôle inconnu/],
    ['unknown field', { couleur: 'bleu' }, '(racine)', /couleur/],
  ];
  for (const [name, overrides, field, message] of cases) {
    it(name, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/actions', payload: actionBody(overrides) });
      expect(res.statusCode, res.body).toBe(400);
      const json = res.json();
      expect(Object.keys(json.champs)).toContain(field);
      expect(json.champs[field]).toMatch(message);
      expect(json.erreur).toContain(field);
    });
  }

  it('unknown commune, QPV, dynamic and notice → 400 naming each, nothing written', async () => {
    const marker = actionMarker();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/actions',
      payload: actionBody({
        titre: `${marker} refusée`,
        territoire: { communes: ['42218', '99999'], qpv: ['QN99999M'] },
        dynamiques: [{ id: 'dynamique-inconnue', role: 'partenaire' }],
        ressources: ['notice-inconnue'],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs).toEqual({
      'territoire.communes.1': 'commune inconnue : 99999',
      'territoire.qpv.0': 'QPV inconnu : QN99999M',
      'dynamiques.0.id': 'dynamique inconnue : dynamique-inconnue',
      'ressources.0': 'notice inconnue : notice-inconnue',
    });
    expect((await t.app.inject({ url: '/api/actions', query: { q: marker } })).json().total).toBe(0);
  });
});

describe('who may write actions', () => {
  it('visitors cannot create (401); documentalists are refused (403)', async () => {
    const anonymous = await t.anonymous({ method: 'POST', url: '/api/actions', payload: actionBody() });
    expect(anonymous.statusCode).toBe(401);
    const doc = `Bearer ${await t.tokenFor('documentaliste')}`;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/actions',
      payload: actionBody(),
      headers: { authorization: doc },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().erreur).toMatch(/Action non autorisée/);
  });

  it('a regional team writes actions of its régions only', async () => {
    const auvergneRhoneAlpes = `Bearer ${await t.tokenFor('equipe_regionale', ['84'])}`;
    const occitanie = `Bearer ${await t.tokenFor('equipe_regionale', ['76'])}`;
    const { body } = await create({}, { authorization: auvergneRhoneAlpes });
    const refused = await put(body.id, actionBody({ titre: 'Hors région' }), '"1"', {
      authorization: occitanie,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().erreur).toMatch(/hors de vos régions \(76\)/);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/actions',
      payload: actionBody(),
      headers: { authorization: occitanie },
    });
    expect(created.statusCode).toBe(403);
  });

  it('a coordinator edits the actions they entered, not those of others', async () => {
    const coordinator = `Bearer ${await t.tokenFor('coordinateur')}`;
    const { body: mine } = await create({}, { authorization: coordinator });
    const ok = await put(mine.id, actionBody({ titre: 'Ma fiche corrigée' }), '"1"', {
      authorization: coordinator,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const { body: other } = await create();
    const refused = await put(other.id, actionBody(), '"1"', { authorization: coordinator });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().erreur).toMatch(/que les actions que vous avez saisies/);
  });
});

describe('restoring an earlier version from the history', () => {
  it('writes version 1 again as version 3', async () => {
    const { body } = await create({ titre: 'Titre d’origine' });
    await put(body.id, actionBody({ titre: 'Titre changé' }), '"1"');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/historique/action/${body.id}/restaurer`,
      headers: { 'if-match': '"2"' },
      payload: { version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ entite: 'action', version: 3, restauree: 1 });
    expect((await t.app.inject(`/api/actions/${body.id}`)).json()).toMatchObject({
      titre: 'Titre d’origine',
      version: 3,
    });
  });
});
