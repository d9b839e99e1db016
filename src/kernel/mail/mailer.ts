/** One e-mail: plain French text, one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where a sent message went: the SMTP server's message id, or the outbox file written. */
export interface MailReceipt {
  messageId: string;
  file: string | null;
}

/**
 * Sends e-mails for every module (password resets, census campaigns): over SMTP when a server is
 * configured, otherwise into the outbox directory, so that a platform without mail still works and
 * every message can be read and forwarded by hand.
 */
export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
  /** `smtp` or `outbox`, for the start-up log. */
  readonly kind: 'smtp' | 'outbox';
  /** Human description of where messages go (French, for the start-up log). */
  describe(): string;
}
