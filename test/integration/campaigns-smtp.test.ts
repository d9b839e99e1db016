import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailer } from '../../src/kernel/mail/create-mailer.ts';
import { campaignBody, tokenIn, uniqueEmail } from '../factories/campaigns.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    mailer: createMailer({ smtpUrl: sink.url, from: 'recensement@exemple.fr', dataDir: sink.dir }),
    publicUrl: 'https://odts.exemple.fr',
  });
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
  fs.rmSync(sink.dir, { recursive: true, force: true });
});

/** Messages the SMTP server received: recipient of the envelope and raw RFC 822 text. */
function received(): { to: string; raw: string }[] {
  return fs
    .readdirSync(sink.dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => ({
      to: fs.readFileSync(path.join(sink.dir, `${f}.rcpt`), 'utf8'),
      raw: fs.readFileSync(path.join(sink.dir, f), 'utf8'),
    }));
}

/** The text part, decoded whatever transfer encoding nodemailer chose. */
function textOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  if (/quoted-printable/i.test(head)) {
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  if (/base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

it('sends invitations through a real SMTP server, each with a working personal link', async () => {
  const emails = [uniqueEmail('smtp-a'), uniqueEmail('smtp-b')];
  const dyn = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ perimetre: { communes: ['19272'] } }),
  });
  expect(dyn.statusCode, dyn.body).toBe(201);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/campagnes',
    payload: campaignBody({ destinataires: emails.map((email) => ({ email, dynamiques: [dyn.json().id] })) }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const sent = await t.app.inject({ method: 'POST', url: `/api/campagnes/${created.json().id}/envoyer` });
  expect(sent.json()).toMatchObject({ envoyes: 2, echecs: [] });

  const messages = received();
  expect(messages.map((m) => m.to).sort()).toEqual([...emails].sort());
  for (const m of messages) {
    expect(m.raw).toMatch(/^From: .*recensement@exemple\.fr/m);
    const text = textOf(m.raw);
    expect(text).toContain('vous invite à répondre');
    const form = await t.anonymous({ method: 'GET', url: `/api/reponses/${tokenIn(text)}` });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json().destinataire.email).toBe(m.to);
  }
});
