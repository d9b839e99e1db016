import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

const PUBLIC_URL = 'http://localhost:3999';
const stamp = `${process.pid}-${Date.now()}`;
const member = `oidc-${stamp}@example.org`;
let t: TestApp;
let server: http.Server;
let oidc: { issuer: string; clientId: string; clientSecret: string; libelle: string };

/** A real OpenID Connect provider on a free port; its development pages log anyone in by e-mail. */
async function startProvider(): Promise<string> {
  // Listening first: the issuer's address names the free port the system picked.
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'odts',
        client_secret: 'secret-de-test-suffisamment-long',
        redirect_uris: [`${PUBLIC_URL}/api/auth/oidc/retour`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: true }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['cle-de-test'] },
  });
  server.on('request', provider.callback());
  return issuer;
}

beforeAll(async () => {
  const issuer = await startProvider();
  oidc = {
    issuer,
    clientId: 'odts',
    clientSecret: 'secret-de-test-suffisamment-long',
    libelle: 'ProConnect',
  };
  t = await createTestApp({ publicUrl: PUBLIC_URL, oidc });
  await t.ctx.services.auth.addUser(systemActor('tests'), {
    email: member,
    nom: 'Membre',
    role: 'documentaliste',
    regions: [],
    dynamiques: [],
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
});

/** A browser's cookie jar, enough for the provider's pages (paths ignored). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = (pair as string).indexOf('=');
      this.cookies.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the browser at the provider: follows its redirects, signs in as `login` on its login page,
 * accepts the consent page, and stops at the redirect back to the platform.
 */
async function throughProvider(start: string, login: string): Promise<URL> {
  const jar = new Jar();
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(PUBLIC_URL)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') as string, url).href;
      continue;
    }
    const page = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const form = new URLSearchParams({ prompt: prompt as string });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'nimporte');
    }
    const posted = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    jar.take(posted);
    url = new URL(posted.headers.get('location') as string, url).href;
  }
  throw new Error('le parcours chez le fournisseur ne se termine pas');
}

async function signInAs(login: string) {
  const started = await t.anonymous({ url: '/api/auth/oidc' });
  expect(started.statusCode).toBe(302);
  const location = String(started.headers.location);
  expect(location).toMatch(/code_challenge_method=S256/);
  expect(location).toMatch(/[?&]state=/);
  expect(location).toMatch(/[?&]nonce=/);
  const pending = String([started.headers['set-cookie']].flat()[0]).split(';')[0] as string;
  expect(pending).toMatch(/^odts_oidc=/);
  const back = await throughProvider(location, login);
  expect(back.pathname).toBe('/api/auth/oidc/retour');
  return { back, pending };
}

describe('login through an OpenID Connect provider', () => {
  it('tells the web client that the provider is on, with its label', async () => {
    const res = await t.anonymous({ url: '/api/auth/fournisseurs' });
    expect(res.json()).toEqual({ motDePasse: true, oidc: { libelle: 'ProConnect', url: '/api/auth/oidc' } });
  });

  it('opens the same session as a password login for an existing active account, then goes to /', async () => {
    const { back, pending } = await signInAs(member.toUpperCase());
    const res = await t.anonymous({ url: `${back.pathname}${back.search}`, headers: { cookie: pending } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookies = [res.headers['set-cookie']].flat().map(String);
    const session = cookies.find((c) => c.startsWith('odts_session='));
    expect(session).toMatch(/HttpOnly; .*SameSite=Lax/);
    expect(cookies.some((c) => c.startsWith('odts_csrf='))).toBe(true);
    const me = await t.anonymous({ url: '/api/moi', headers: { cookie: String(session).split(';')[0] } });
    expect(me.json()).toMatchObject({ email: member, role: 'documentaliste' });

    // The code and the pending login are single use.
    const replay = await t.anonymous({ url: `${back.pathname}${back.search}`, headers: { cookie: pending } });
    expect(replay.statusCode).toBe(302);
    expect(decodeURIComponent(String(replay.headers.location))).toMatch(
      /^\/connexion\?erreur=Connexion impossible/,
    );
  });

  it('creates no account: an unknown e-mail is sent back to /connexion with a French message', async () => {
    const stranger = `inconnu-${stamp}@example.org`;
    const { back, pending } = await signInAs(stranger);
    const res = await t.anonymous({ url: `${back.pathname}${back.search}`, headers: { cookie: pending } });
    expect(res.statusCode).toBe(302);
    const location = new URL(String(res.headers.location), 'http://x');
    expect(location.pathname).toBe('/connexion');
    expect(location.searchParams.get('erreur')).toBe(
      `Aucun compte actif de l’Observatoire ne correspond à l’adresse ${stranger} : demandez à un administrateur de vous en créer un.`,
    );
    expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('odts_session=x'))).toBe(
      false,
    );
    expect(
      (await t.ctx.services.auth.listUsers(systemActor('tests'))).items.some((u) => u.email === stranger),
    ).toBe(false);
  });

  it('refuses a return without the pending login cookie (state kept by this browser only)', async () => {
    const { back } = await signInAs(member);
    const res = await t.anonymous({ url: `${back.pathname}${back.search}` });
    expect(new URL(String(res.headers.location), 'http://x').searchParams.get('erreur')).toBe(
      'La connexion a expiré ou a été interrompue : recommencez.',
    );
  });

  it('lets another server of the same deployment finish a login this one started', async () => {
    // Two servers behind a load balancer (or one restarted in between) share only their configuration.
    const other = await createTestApp({ publicUrl: PUBLIC_URL, oidc });
    try {
      // On PostgreSQL both servers share one database and the account is already there; on PGlite each
      // has its own, where the account is created again.
      const known = (await other.ctx.services.auth.listUsers(systemActor('tests'))).items;
      if (!known.some((u) => u.email === member)) {
        await other.ctx.services.auth.addUser(systemActor('tests'), {
          email: member,
          nom: 'Membre',
          role: 'documentaliste',
          regions: [],
          dynamiques: [],
        });
      }
      const { back, pending } = await signInAs(member);
      const res = await other.anonymous({
        url: `${back.pathname}${back.search}`,
        headers: { cookie: pending },
      });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
      expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('odts_session='))).toBe(
        true,
      );
    } finally {
      await other.close();
    }
  });
});
