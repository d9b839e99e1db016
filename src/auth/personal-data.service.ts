import { randomBytes } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import { AppError, conflict, notFound } from '../domain/errors.ts';
import type { HistoryRepository, StoredHistoryEntry } from '../kernel/history/history.repository.ts';
import type { PersonalDataHolder, PreparedErasure } from '../kernel/personal-data/personal-data-holder.ts';
import type { AccountRepository, UserRow } from './account.repository.ts';
import { accountEntry, USER_ENTITY, userSnapshot } from './account-history.ts';
import { presentUser, requirePermission } from './auth.service.ts';
import { replaceEverywhere } from './scrub.ts';

/**
 * A person's data (RGPD): the export gathers what the platform keeps about an e-mail, the erasure removes
 * it. Accounts are this module's own; other modules' records (the contacts of dynamics) are reached through
 * the holders they register, so this module knows none of them.
 */
export class PersonalDataService {
  private readonly holders: PersonalDataHolder[] = [];

  constructor(
    private readonly repo: AccountRepository,
    private readonly history: HistoryRepository,
  ) {}

  register(holder: PersonalDataHolder): void {
    this.holders.push(holder);
  }

  /** An administrator's export of any account. */
  async exportOfUser(actor: Actor, id: string) {
    requirePermission(actor, 'comptes');
    const user = await this.repo.findUser(id);
    if (!user) throw notFound(`Aucun compte avec l’identifiant « ${id} »`);
    return this.collect(user.email, user);
  }

  /** A person's export of their own data. */
  async exportOwn(actor: Actor) {
    if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Connexion requise');
    const user = actor.jeton ? undefined : await this.repo.findUser(actor.id);
    if (!user) {
      throw notFound('Ce jeton d’API n’est rattaché à aucun compte : il n’y a pas de données personnelles');
    }
    return this.collect(user.email, user);
  }

  /** The export for an e-mail, account or not (contacts only). */
  async exportOfEmail(actor: Actor, email: string) {
    requirePermission(actor, 'comptes');
    return this.collect(email, await this.repo.findUserByEmail(email));
  }

  private async collect(email: string, user: UserRow | undefined) {
    const [sessions, tokens, authored, held] = await Promise.all([
      user ? this.repo.sessionsOf(user.id) : [],
      user ? this.repo.tokensOf(user.id) : [],
      this.history.byAuthor(email),
      Promise.all(this.holders.map(async (h) => ({ h, found: await h.find(email) }))),
    ]);
    return {
      email,
      exporteLe: new Date().toISOString(),
      compte: user ? presentUser(user) : null,
      sessions: sessions.map((s) => ({
        creeLe: s.cree_le.toISOString(),
        expireLe: s.expire_le.toISOString(),
      })),
      jetons: tokens.map((t) => ({
        id: t.id,
        libelle: t.libelle,
        creeLe: t.cree_le.toISOString(),
        revoque: t.revoque_le !== null,
      })),
      // What they did, not the records' contents: those snapshots hold other people's work and data.
      historique: authored.map((e) => ({
        entite: e.entite,
        entiteId: e.entite_id,
        date: e.date.toISOString(),
        action: e.action,
        version: e.version,
        source: e.source,
      })),
      contacts: held.flatMap(({ h, found }) => found.map((f) => ({ entite: h.entite, ...f }))),
    };
  }

  /**
   * Erases a person: their account is deactivated and anonymised, their contacts leave the dynamics (new
   * versions with history), and the history names them by a pseudonym only. Running it again finds nothing
   * left to erase.
   */
  async erase(actor: Actor, email: string) {
    requirePermission(actor, 'comptes');
    const user = await this.repo.findUserByEmail(email);
    if (user && actor.kind === 'user' && actor.id === user.id) {
      throw conflict(
        'Vous ne pouvez pas effacer votre propre compte : demandez-le à un autre administrateur',
      );
    }
    // Random, never derived from the e-mail: a digest of an address could be reversed by guessing.
    const pseudonym = `personne-effacee-${randomBytes(5).toString('hex')}`;
    // Everything is checked first, then written in one transaction: an erasure is whole or not at all.
    const prepared: { holder: PersonalDataHolder; erasure: PreparedErasure }[] = [];
    for (const holder of this.holders)
      prepared.push({ holder, erasure: await holder.prepareErase(actor, email) });
    const contactsRetires = prepared.flatMap(({ holder, erasure }) =>
      erasure.changed.map((r) => ({ entite: holder.entite, ...r })),
    );
    const replacements = [email, ...(user?.nom ? [user.nom] : [])];
    const historiqueAnonymise = await this.repo.transaction(async (trx) => {
      for (const { erasure } of prepared) await erasure.write(trx);
      // Read after the holders' writes, inside the transaction: their new entries name the person too.
      const authored = await this.history.byAuthor(email, trx);
      const mentioning = await this.history.mentioning(email, trx);
      const ownEntries = user
        ? (await this.history.forEntity(USER_ENTITY, user.id, trx)).filter(
            (e) => !mentioning.some((m) => m.id === e.id),
          )
        : [];
      const scrubbed = [...mentioning, ...ownEntries].map((e) =>
        this.scrubEntry(e, email, pseudonym, replacements),
      );
      if (user) {
        const anonymous = { email: `${pseudonym}@efface.invalid`, nom: pseudonym };
        if (!(await this.repo.anonymiseUser(trx, user.id, user.version, anonymous))) {
          throw conflict('Le compte vient d’être modifié : relancez l’effacement');
        }
        await this.repo.deleteSessionsOf(trx, user.id);
        await this.repo.revokeTokensOf(trx, user.id);
      }
      await this.history.pseudonymise(trx, email, pseudonym, scrubbed);
      if (user) {
        const before = userSnapshot(user, { email: `${pseudonym}@efface.invalid`, nom: pseudonym });
        const after = userSnapshot(user, {
          email: `${pseudonym}@efface.invalid`,
          nom: pseudonym,
          actif: false,
          mot_de_passe: null,
          version: user.version + 1,
        });
        await this.history.record(
          trx,
          accountEntry(actor, USER_ENTITY, user.id, 'effacement', before, after),
        );
      }
      return new Set([...authored, ...scrubbed].map((e) => e.id)).size;
    });
    return {
      email,
      pseudonyme: pseudonym,
      compte: user?.id ?? null,
      contactsRetires,
      historiqueAnonymise,
    };
  }

  private scrubEntry(e: StoredHistoryEntry, email: string, pseudonym: string, replacements: string[]) {
    const holder = this.holders.find((h) => h.entite === e.entite);
    const scrub = (snapshot: unknown) => {
      if (snapshot === null) return null;
      const specific = holder?.scrub ? holder.scrub(snapshot, email, pseudonym) : snapshot;
      return replaceEverywhere(specific, replacements, pseudonym);
    };
    return { id: e.id, avant: scrub(e.avant), apres: scrub(e.apres) };
  }
}
