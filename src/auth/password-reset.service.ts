import { AppError, invalid } from '../domain/errors.ts';
import type { Mailer } from '../kernel/mail/mailer.ts';
import type { AccountRepository } from './account.repository.ts';
import { type AuthService, userActor } from './auth.service.ts';
import { LoginThrottle } from './login-throttle.ts';
import { digest, hashPassword, newSecret } from './secrets.ts';

const LINK_VALIDITY_MS = 3600_000;
/** Links per account and hour beyond which requests are silently dropped (no mailbox flooding). */
const MAX_LINKS_PER_HOUR = 3;

/** The answer to every « mot de passe oublié » request, whether an account matches or not. */
export const RESET_REQUESTED =
  'Si un compte actif correspond à cette adresse, un message contenant un lien de réinitialisation valable une heure vient de lui être envoyé.';
export const RESET_DONE = 'Mot de passe modifié : connectez-vous avec votre nouveau mot de passe.';
export const RESET_LINK_INVALID =
  'Lien de réinitialisation invalide, expiré ou déjà utilisé : demandez-en un nouveau.';

export function resetMessage(email: string, link: string) {
  return {
    to: email,
    subject: 'Réinitialisation de votre mot de passe — Observatoire DTS',
    text: [
      'Bonjour,',
      '',
      `Une réinitialisation du mot de passe de votre compte de l’Observatoire DTS (${email}) a été demandée.`,
      'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :',
      '',
      link,
      '',
      'Ce lien ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message :',
      'votre mot de passe reste inchangé.',
      '',
      '— Observatoire DTS',
      '',
    ].join('\n'),
  };
}

/**
 * Password reset by e-mailed link. The request answers the same thing at once whatever the address, and
 * the lookup and the sending happen after the answer, so neither the words nor the timing tell whether an
 * account exists. Links are kept as digests, valid one hour, used once.
 */
export class PasswordResetService {
  private readonly throttle = new LoginThrottle('Trop de demandes : réessayez dans une minute');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly repo: AccountRepository,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
    private readonly logError: (message: string) => void = (m) => console.error(m),
  ) {}

  private queue: Promise<unknown> = Promise.resolve();

  request(email: string, from: string): { message: string } {
    this.throttle.check(from);
    this.throttle.fail(from);
    // One delivery at a time: the hourly count is read then a link written, and requests arriving
    // together would otherwise all read the same count (a real pool runs them side by side).
    const delivery = this.queue
      .then(() => this.deliver(email))
      .catch((e: Error) =>
        this.logError(`Réinitialisation de mot de passe : envoi impossible (${e.message})`),
      );
    this.queue = delivery;
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return { message: RESET_REQUESTED };
  }

  /** Resolves once every message requested so far is sent (tests, shutdown). */
  async whenSent(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async deliver(email: string): Promise<void> {
    const user = await this.repo.findUserByEmail(email);
    if (!user?.actif) return;
    const since = new Date(Date.now() - 3600_000);
    if ((await this.repo.countResetRequests(user.id, since)) >= MAX_LINKS_PER_HOUR) return;
    const secret = newSecret();
    await this.repo.createResetLink({
      empreinte: digest(secret),
      utilisateur: user.id,
      expire_le: new Date(Date.now() + LINK_VALIDITY_MS),
    });
    const link = `${this.publicUrl}/connexion/reinitialisation?jeton=${encodeURIComponent(secret)}`;
    await this.mailer.send(resetMessage(user.email, link));
  }

  /** Sets the password named by a valid link, ends every session of the account, records the change. */
  async reset(jeton: string, motDePasse: string): Promise<{ message: string }> {
    const hash = await hashPassword(motDePasse);
    const refused = () => invalid(RESET_LINK_INVALID, { jeton: 'lien invalide, expiré ou déjà utilisé' });
    await this.repo.transaction(async (trx) => {
      const id = await this.repo.consumeResetLink(trx, digest(jeton));
      const user = id ? await this.repo.findUser(id, trx) : undefined;
      if (!user?.actif) throw refused();
      const changed = await this.repo.updateUser(trx, user.id, user.version, {
        mot_de_passe: hash,
        echecs: 0,
        bloque_jusqua: null,
      });
      if (!changed) {
        throw new AppError('conflict', 'Le compte vient d’être modifié : réessayez avec le même lien');
      }
      await this.repo.voidResetLinks(trx, user.id);
      await this.repo.deleteSessionsOf(trx, user.id);
      await this.auth.recordPasswordChange(trx, userActor(user), user, 'reinitialisation');
    });
    return { message: RESET_DONE };
  }
}
