import type { Actor } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import { notFound } from '../domain/errors.ts';
import type { OutboxMessage, OutboxReader } from '../kernel/mail/outbox-reader.ts';

/**
 * The outbox, read from the interface: with no SMTP server configured, every message the platform
 * sends (password resets, campaign invitations) is a file there, to be read and forwarded by hand.
 * Administrators only — the messages carry personal links.
 */
export class OutboxService {
  /** `reader` is null when messages go through SMTP: there is no outbox then. */
  constructor(private readonly reader: OutboxReader | null) {}

  async list(actor: Actor, q: { page: number; parPage: number }) {
    assertPermission(actor, 'comptes');
    if (!this.reader) return { active: false, dossier: null, total: 0, page: q.page, resultats: [] };
    const { total, resultats } = await this.reader.list(q.page, q.parPage);
    return { active: true, dossier: this.reader.dir, total, page: q.page, resultats };
  }

  async read(actor: Actor, fichier: string): Promise<OutboxMessage> {
    assertPermission(actor, 'comptes');
    const message = await this.reader?.read(fichier);
    if (!message) throw notFound(`Aucun message « ${fichier} » dans la boîte d’envoi`);
    return message;
  }
}
