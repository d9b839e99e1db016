import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const password = 'un mot de passe assez long';
const email = `coord-${process.pid}-${Date.now()}@example.org`;

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.services.auth.addUser(systemActor('tests'), {
    email,
    nom: 'Coordinatrice',
    role: 'documentaliste',
    regions: [],
    dynamiques: [],
    motDePasse: password,
  });
});
afterAll(() => t.close());

const login = (body: object, from = '10.0.0.1') =>
  t.anonymous({ method: 'POST', url: '/api/auth/connexion', payload: body, remoteAddress: from });

function cookiesOf(res: { headers: Record<string, unknown> }) {
  const set = [res.headers['set-cookie']].flat() as string[];
  const get = (name: string) =>
    set
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0]
      ?.split('=')[1] ?? '';
  return { session: get('odts_session'), csrf: get('odts_csrf'), raw: set };
}

describe('signing in with a password', () => {
  it('sets an httpOnly session cookie and a CSRF token; /api/moi names the account', async () => {
    const res = await login({ email: email.toUpperCase(), motDePasse: password });
    expect(res.statusCode, res.body).toBe(200);
    const c = cookiesOf(res);
    expect(c.raw.find((x) => x.startsWith('odts_session='))).toMatch(/HttpOnly; .*SameSite=Lax/);
    expect(res.json().csrf).toBe(c.csrf);
    const me = await t.anonymous({ url: '/api/moi', headers: { cookie: `odts_session=${c.session}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email, role: 'documentaliste', permissions: ['ressources'] });
    expect(JSON.stringify(me.json())).not.toContain('scrypt');
  });

  it('a wrong password answers 401 in French and sets no cookie', async () => {
    const res = await login({ email, motDePasse: 'pas le bon mot de passe' }, '10.0.0.2');
    expect(res.statusCode).toBe(401);
    expect(res.json().erreur).toBe('Adresse électronique ou mot de passe incorrect');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a malformed body names the field', async () => {
    const res = await login({ email: 'pas-une-adresse', motDePasse: '' }, '10.0.0.3');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toEqual(expect.arrayContaining(['email', 'motDePasse']));
  });

  it('cookie writes need the CSRF token and this server’s origin; logout ends the session', async () => {
    const c = cookiesOf(await login({ email, motDePasse: password }, '10.0.0.4'));
    const cookie = `odts_session=${c.session}`;
    const body = { sigle: `ZCSRF${Date.now()}`, forme: 'Essai anti-falsification', definition: 'Essai.' };
    const post = (headers: Record<string, string>) =>
      t.anonymous({ method: 'POST', url: '/api/glossaire', payload: body, headers: { cookie, ...headers } });
    const noToken = await post({});
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().erreur).toMatch(/X-CSRF-Token/);
    const otherSite = await post({ 'x-csrf-token': c.csrf, origin: 'https://malveillant.example' });
    expect(otherSite.statusCode).toBe(403);
    expect(otherSite.json().erreur).toMatch(/Origine refusée/);
    const ok = await post({ 'x-csrf-token': c.csrf, origin: 'http://localhost:80' });
    expect(ok.statusCode, ok.body).toBe(201);
    const history = (await t.app.inject({ url: `/api/glossaire/${body.sigle}/historique` })).json();
    expect(history.items[0]).toMatchObject({ auteur: email, source: 'interactif', version: 1 });

    const out = await t.anonymous({
      method: 'POST',
      url: '/api/auth/deconnexion',
      headers: { cookie, 'x-csrf-token': c.csrf },
    });
    expect(out.statusCode).toBe(204);
    const me = await t.anonymous({ url: '/api/moi', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('five failures lock the account for a while, even with the right password', async () => {
    const locked = `verrou-${process.pid}-${Date.now()}@example.org`;
    await t.ctx.services.auth.addUser(systemActor('tests'), {
      email: locked,
      nom: '',
      role: 'coordinateur',
      regions: [],
      dynamiques: [],
      motDePasse: password,
    });
    for (let i = 0; i < 5; i++) {
      expect((await login({ email: locked, motDePasse: 'mauvais' }, `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const res = await login({ email: locked, motDePasse: password }, '10.1.0.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().erreur).toMatch(/bloqué/);
  });
});

describe('API tokens', () => {
  it('a garbage or revoked bearer token is refused, never treated as anonymous', async () => {
    const garbage = await t.anonymous({
      url: '/api/dynamiques?limit=1',
      headers: { authorization: 'Bearer nimportequoi123' },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().erreur).toMatch(/Jeton d’API invalide/);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/jetons',
      payload: { role: 'documentaliste' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, jeton } = created.json();
    const authorization = `Bearer ${jeton}`;
    expect((await t.anonymous({ url: '/api/moi', headers: { authorization } })).json().role).toBe(
      'documentaliste',
    );
    expect((await t.app.inject({ method: 'DELETE', url: `/api/jetons/${id}` })).statusCode).toBe(204);
    expect((await t.anonymous({ url: '/api/moi', headers: { authorization } })).statusCode).toBe(401);
  });

  it('a regional team cannot write a dynamic outside its régions', async () => {
    const token = await t.tokenFor('equipe_regionale', ['84']);
    const body = (communes: string[], nom: string) => ({
      type: 'CLS',
      nom,
      statut: 'actif',
      perimetre: { communes },
    });
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      headers: { authorization: `Bearer ${token}` },
      payload: body(['13055'], 'CLS hors région'),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().erreur).toMatch(/hors de vos régions/);
    const inside = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      headers: { authorization: `Bearer ${token}` },
      payload: body(['42218'], 'CLS de la région'),
    });
    expect(inside.statusCode, inside.body).toBe(201);
  });
});

describe('output and input safety', () => {
  it('every answer forbids framing and MIME sniffing', async () => {
    const res = await t.anonymous({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('a javascript: address is refused as a source, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      payload: {
        type: 'CLS',
        nom: 'CLS à la source piégée',
        statut: 'actif',
        perimetre: { communes: ['42218'] },
        sources: [{ titre: 'Piège', url: 'javascript:alert(1)' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().champs['sources.0.url']).toMatch(/http\(s\)/);
  });
});

describe('framework errors answer in French', () => {
  it('invalid JSON, an empty JSON body and __proto__ are 400 with an erreur in French', async () => {
    const send = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/glossaire',
        headers: { 'content-type': 'application/json' },
        payload,
      });
    const broken = await send('{"sigle": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().erreur).toMatch(/JSON invalide/);
    const empty = await send('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().erreur).toMatch(/Corps de requête vide/);
    const poisoned = await send('{"sigle": "X", "__proto__": {"admin": true}}');
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().erreur).toMatch(/__proto__/);
  });
});
