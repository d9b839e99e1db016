import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage, MailReceipt } from './mailer.ts';

/**
 * A file name that sorts by date: `2025-03-01T10-15-30-123Z-<random>.eml` (no colons, so it is a valid
 * name on every file system); the random part keeps two messages of the same millisecond apart.
 */
export function outboxFileName(now: Date, random = randomBytes(4).toString('hex')): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${random}.eml`;
}

/**
 * Writes each message as an RFC 822 `.eml` file in the outbox directory instead of sending it. The
 * message is built by nodemailer's stream transport, exactly as it would travel over SMTP.
 */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(
    readonly dir: string,
    private readonly from: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  describe(): string {
    return `aucun serveur SMTP : les messages sont écrits dans ${this.dir}`;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.composer.sendMail({ from: this.from, ...message });
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, outboxFileName(this.clock()));
    // `wx`: never overwrite another message.
    await fs.writeFile(file, info.message as Buffer, { flag: 'wx' });
    return { messageId: info.messageId, file };
  }
}
