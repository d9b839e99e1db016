import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { OutboxMailer } from '../../src/kernel/mail/outbox-mailer.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { readOutbox } from '../helpers/outbox.ts';

let t: TestApp;
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-recovery-'));
const stamp = `${process.pid}-${Date.now()}`;
const email = `oubli-${stamp}@example.org`;
const oldPassword = 'ancien mot de passe solide';
const newPassword = 'nouveau mot de passe solide';
let userId: string;

beforeAll(async () => {
  t = await createTestApp({
    mailer: new OutboxMailer(outbox, 'Observatoire <obs@example.org>'),
    publicUrl: 'https://observatoire.example.org',
  });
  const user = await t.ctx.services.auth.addUser(systemActor('tests'), {
    email,
    nom: 'Camille Oubli',
    role: 'documentaliste',
    regions: [],
    dynamiques: [],
    motDePasse: oldPassword,
  });
  userId = user.id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(outbox, { recursive: true, force: true });
});

const forgot = (address: string, from = '10.9.0.1') =>
  t.anonymous({
    method: 'POST',
    url: '/api/auth/mot-de-passe-oublie',
    payload: { email: address },
    remoteAddress: from,
  });
const reset = (jeton: string, motDePasse: string) =>
  t.anonymous({ method: 'POST', url: '/api/auth/reinitialisation', payload: { jeton, motDePasse } });
const login = (motDePasse: string, from: string) =>
  t.anonymous({
    method: 'POST',
    url: '/api/auth/connexion',
    payload: { email, motDePasse },
    remoteAddress: from,
  });
const linksTo = (address: string) =>
  readOutbox(outbox)
    .filter((m) => m.to === address)
    .map(
      (m) =>
        /https:\/\/observatoire\.example\.org\/connexion\/reinitialisation\?jeton=([\w-]+)/.exec(m.body)?.[1],
    );

describe('password reset by e-mailed link', () => {
  it('answers the same 202 whether the account exists or not, and mails only an existing account', async () => {
    const unknown = await forgot(`personne-${stamp}@example.org`);
    const known = await forgot(email.toUpperCase());
    await t.ctx.services.passwordResets.whenSent();
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.json().message).toMatch(/^Si un compte actif correspond à cette adresse/);
    expect(readOutbox(outbox).map((m) => m.to)).toEqual([email]);
    const [message] = readOutbox(outbox);
    expect(message?.body).toMatch(/dans l’heure/);
    expect(linksTo(email)[0]).toMatch(/^[\w-]{40,}$/);
  });

  it('a weak password is refused by the same rule as elsewhere; the link is then still usable', async () => {
    const [jeton] = linksTo(email);
    const weak = await reset(jeton as string, 'court');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().champs.motDePasse).toBe('au moins 12 caractères');
  });

  it('sets the password once, ends every session, and records the change without the hash', async () => {
    const session = await login(oldPassword, '10.9.1.1');
    expect(session.statusCode).toBe(200);
    const cookie = [session.headers['set-cookie']].flat().find((c) => String(c).startsWith('odts_session='));
    const sessionCookie = String(cookie).split(';')[0] as string;

    const [jeton] = linksTo(email);
    const done = await reset(jeton as string, newPassword);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().message).toBe(
      'Mot de passe modifié : connectez-vous avec votre nouveau mot de passe.',
    );

    expect((await t.anonymous({ url: '/api/moi', headers: { cookie: sessionCookie } })).statusCode).toBe(401);
    expect((await login(oldPassword, '10.9.1.2')).statusCode).toBe(401);
    expect((await login(newPassword, '10.9.1.3')).statusCode).toBe(200);

    const again = await reset(jeton as string, 'encore un autre mot de passe');
    expect(again.statusCode).toBe(400);
    expect(again.json().erreur).toBe(
      'Lien de réinitialisation invalide, expiré ou déjà utilisé : demandez-en un nouveau.',
    );

    const audit = (await t.app.inject({ url: `/api/audit?entite=utilisateur&entiteId=${userId}` })).json();
    const change = audit.items.find((e: { source: string }) => e.source === 'reinitialisation');
    expect(change).toMatchObject({ auteur: email, action: 'modification', apres: { motDePasse: 'changé' } });
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('an unknown or forged token is refused in French', async () => {
    const res = await reset('x'.repeat(43), newPassword);
    expect(res.statusCode).toBe(400);
    expect(res.json().champs.jeton).toBe('lien invalide, expiré ou déjà utilisé');
  });

  it('at most three links an hour reach one mailbox, and one address is rate limited like login', async () => {
    for (let i = 0; i < 4; i++) expect((await forgot(email, `10.9.2.${i}`)).statusCode).toBe(202);
    await t.ctx.services.passwordResets.whenSent();
    // One link was sent before, three more are allowed within the hour.
    expect(linksTo(email)).toHaveLength(3);
    const from = '10.9.3.1';
    for (let i = 0; i < 10; i++)
      expect((await forgot(`x${i}-${stamp}@example.org`, from)).statusCode).toBe(202);
    const limited = await forgot(email, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().erreur).toBe('Trop de demandes : réessayez dans une minute');
  });
});

describe('accounts and tokens in the history', () => {
  it('records creation, role change, deactivation and token creation and revocation, visible in the audit', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/utilisateurs',
      payload: { email: `histo-${stamp}@example.org`, nom: 'Dominique', role: 'coordinateur' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/utilisateurs/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { nom: 'Dominique', role: 'equipe_regionale', regions: ['84'], actif: false },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const audit = (await t.app.inject({ url: `/api/audit?entite=utilisateur&entiteId=${id}` })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['modification', 'creation']);
    expect(audit.items[0]).toMatchObject({
      version: 2,
      avant: { role: 'coordinateur', actif: true, motDePasse: 'aucun' },
      apres: { role: 'equipe_regionale', regions: ['84'], actif: false },
    });

    const token = await t.app.inject({
      method: 'POST',
      url: '/api/jetons',
      payload: { role: 'documentaliste', libelle: 'script de tests' },
    });
    const tokenId = token.json().id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/jetons/${tokenId}` })).statusCode).toBe(204);
    const tokenAudit = (await t.app.inject({ url: `/api/audit?entite=jeton&entiteId=${tokenId}` })).json();
    expect(tokenAudit.items).toMatchObject([
      { action: 'modification', version: null, apres: { revoque: true, libelle: 'script de tests' } },
      { action: 'creation', apres: { revoque: false, role: 'documentaliste' } },
    ]);
    expect(JSON.stringify(tokenAudit)).not.toContain(token.json().jeton);
  });
});
