import path from 'node:path';
import type { Mailer } from './mailer.ts';
import { OutboxMailer } from './outbox-mailer.ts';
import { SmtpMailer } from './smtp-mailer.ts';

export interface MailSettings {
  /** `ODTS_SMTP_URL`; absent: the outbox. */
  smtpUrl?: string | undefined;
  /** `ODTS_MAIL_FROM`. */
  from: string;
  /** `$ODTS_DATA_DIR`: the outbox is its `outbox/` directory. */
  dataDir: string;
}

export function createMailer(settings: MailSettings): Mailer {
  if (settings.smtpUrl) return new SmtpMailer(settings.smtpUrl, settings.from);
  return new OutboxMailer(path.resolve(settings.dataDir, 'outbox'), settings.from);
}
