import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutboxMailer, outboxFileName } from '../../src/kernel/mail/outbox-mailer.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-outbox-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the e-mail outbox', () => {
  it('names files so that they sort by date, without colons', () => {
    const early = outboxFileName(new Date('2025-03-01T09:05:07.004Z'), 'aaaa');
    const late = outboxFileName(new Date('2025-03-01T10:00:00.000Z'), '0000');
    expect(early).toBe('2025-03-01T09-05-07-004Z-aaaa.eml');
    expect([late, early].sort()).toEqual([early, late]);
  });

  it('writes an RFC 822 message with French text, one file per message', async () => {
    let now = new Date('2025-03-01T09:00:00Z');
    const mailer = new OutboxMailer(path.join(dir, 'outbox'), 'Observatoire <obs@exemple.fr>', () => now);
    const first = await mailer.send({
      to: 'camille@exemple.fr',
      subject: 'Réinitialisation de votre mot de passe',
      text: 'Bonjour,\n\nVoici le lien : https://obs.exemple.fr/x\n',
    });
    now = new Date('2025-03-01T09:00:01Z');
    const second = await mailer.send({ to: 'b@exemple.fr', subject: 'Deuxième', text: 'Été.' });
    expect(fs.readdirSync(path.join(dir, 'outbox')).sort()).toEqual(
      [first.file, second.file].map((f) => path.basename(f as string)),
    );
    const eml = fs.readFileSync(first.file as string, 'utf8');
    expect(eml).toMatch(/^From: Observatoire <obs@exemple\.fr>$/m);
    expect(eml).toMatch(/^To: camille@exemple\.fr$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(eml).toMatch(/^Message-ID: </m);
    expect(eml).toContain('https://obs.exemple.fr/x');
    expect(mailer.describe()).toMatch(/aucun serveur SMTP/);
  });
});
