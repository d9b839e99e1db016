import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage, MailReceipt } from './mailer.ts';

/** Sends through the SMTP server of `ODTS_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;
  private readonly host: string;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
    // Never log the credentials the URL may carry.
    this.host = new URL(url).host;
  }

  describe(): string {
    return `messages envoyés par le serveur SMTP ${this.host}`;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.transport.sendMail({ from: this.from, ...message });
    return { messageId: info.messageId, file: null };
  }
}
