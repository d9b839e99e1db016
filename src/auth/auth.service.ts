import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import { can, isRole, PERMISSIONS, type Permission } from '../domain/auth/roles.ts';
import type { LoginInput, TokenInput, UserInput, UserUpdate } from '../domain/auth/schemas.ts';
import { AppError, conflict, invalid } from '../domain/errors.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import { VersionedRecords } from '../kernel/versioning/versioned-records.ts';
import type { AccountRepository, UserRow } from './account.repository.ts';
import { accountEntry, TOKEN_ENTITY, tokenSnapshot, USER_ENTITY, userSnapshot } from './account-history.ts';
import { LoginThrottle } from './login-throttle.ts';
import { digest, hashPassword, newSecret, verifyPassword } from './secrets.ts';

const SESSION_HOURS = 12;
const LOCK_AFTER_FAILURES = 5;
const LOCK_SECONDS = 15 * 60;

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    nom: u.nom,
    role: u.role,
    regions: u.regions,
    dynamiques: u.dynamiques,
    actif: u.actif,
    creeLe: u.cree_le.toISOString(),
    version: u.version,
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

export function userActor(u: Pick<UserRow, 'id' | 'email' | 'role' | 'regions' | 'dynamiques'>): Actor {
  return {
    kind: 'user',
    id: u.id,
    email: u.email,
    role: u.role,
    regions: u.regions,
    dynamiques: u.dynamiques,
  };
}

/** 401 for anonymous callers, 403 for those whose role lacks the permission. */
export const requirePermission: (actor: Actor, permission: Permission) => void = assertPermission;

/** Accounts, sessions and tokens. Secrets are handed out once and only their digests are kept. */
export class AuthService {
  private readonly throttle = new LoginThrottle();
  private readonly users: VersionedRecords<UserRow, Transaction<DB>>;

  constructor(
    private readonly repo: AccountRepository,
    private readonly history: HistoryRepository,
  ) {
    this.users = new VersionedRecords({
      noun: {
        subject: 'Le compte',
        feminine: false,
        missing: (id) => `Aucun compte avec l’identifiant « ${id} »`,
      },
      read: (id, trx) => repo.findUser(id, trx),
      transaction: (run) => repo.transaction(run),
    });
  }

  /** Whether any account exists (first start explains how to create the first administrator). */
  async hasAccounts(): Promise<boolean> {
    return this.repo.hasUsers();
  }

  /** Checks the password; answers a new session secret and its CSRF token. */
  async login(input: LoginInput, from: string) {
    this.throttle.check(from);
    const user = await this.repo.findUserByEmail(input.email);
    if (user?.bloque_jusqua && user.bloque_jusqua > new Date()) {
      throw new AppError(
        'too_many_requests',
        'Trop d’essais infructueux : ce compte est bloqué pendant 15 minutes. Réessayez plus tard ou demandez une réinitialisation du mot de passe.',
      );
    }
    const ok = await verifyPassword(input.motDePasse, user?.mot_de_passe ?? null);
    if (!user || !ok || !user.actif) {
      this.throttle.fail(from);
      if (user) await this.repo.recordFailure(user.id, LOCK_AFTER_FAILURES, LOCK_SECONDS);
      throw new AppError('unauthenticated', 'Adresse électronique ou mot de passe incorrect');
    }
    await this.repo.clearFailures(user.id);
    return this.openSession(user);
  }

  /** A new session of an account whose identity was proven (password, or an OpenID Connect provider). */
  async openSession(user: UserRow) {
    const secret = newSecret();
    const csrf = newSecret();
    const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.repo.createSession({
      empreinte: digest(secret),
      utilisateur: user.id,
      csrf,
      expire_le: expires,
    });
    return { secret, csrf, expires, utilisateur: presentUser(user) };
  }

  async logout(secret: string | undefined): Promise<void> {
    if (secret) await this.repo.deleteSession(digest(secret));
  }

  async sessionActor(secret: string): Promise<{ actor: Actor; csrf: string } | null> {
    const row = await this.repo.findSession(digest(secret));
    return row ? { actor: userActor(row), csrf: row.csrf } : null;
  }

  async tokenActor(secret: string): Promise<Actor | null> {
    const t = await this.repo.findToken(digest(secret));
    if (!t || !isRole(t.role)) return null;
    return {
      kind: 'user',
      id: t.utilisateur ?? `jeton:${t.id}`,
      email: `jeton « ${t.libelle} »`,
      role: t.role,
      regions: t.regions,
      dynamiques: [],
      jeton: t.id,
    };
  }

  async me(actor: Actor) {
    if (actor.kind !== 'user') {
      throw new AppError('unauthenticated', 'Vous n’êtes pas connecté·e');
    }
    const stored = actor.jeton ? undefined : await this.repo.findUser(actor.id);
    return {
      ...(stored
        ? presentUser(stored)
        : { id: actor.id, email: actor.email, role: actor.role, regions: actor.regions }),
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p)),
    };
  }

  async addUser(actor: Actor, input: UserInput): Promise<PresentedUser> {
    requirePermission(actor, 'comptes');
    if (await this.repo.findUserByEmail(input.email)) {
      throw conflict(`Un compte existe déjà pour ${input.email}`);
    }
    const id = randomUUID();
    const mot_de_passe = input.motDePasse ? await hashPassword(input.motDePasse) : null;
    await this.repo.transaction(async (trx) => {
      await this.repo.insertUser(trx, {
        id,
        email: input.email,
        nom: input.nom,
        role: input.role,
        regions: input.regions,
        dynamiques: input.dynamiques,
        mot_de_passe,
      });
      const created = (await this.repo.findUser(id, trx)) as UserRow;
      await this.history.record(
        trx,
        accountEntry(actor, USER_ENTITY, id, 'creation', null, userSnapshot(created)),
      );
    });
    return presentUser((await this.repo.findUser(id)) as UserRow);
  }

  async listUsers(actor: Actor) {
    requirePermission(actor, 'comptes');
    const items = (await this.repo.listUsers()).map(presentUser);
    return { total: items.length, items };
  }

  async getUser(actor: Actor, id: string) {
    requirePermission(actor, 'comptes');
    return presentUser(await this.users.require(id));
  }

  async updateUser(actor: Actor, id: string, input: UserUpdate, expected: number) {
    requirePermission(actor, 'comptes');
    if (actor.kind === 'user' && actor.id === id && input.role !== 'administrateur') {
      throw invalid('Vous ne pouvez pas retirer votre propre rôle d’administrateur', {
        role: 'rôle inchangé attendu',
      });
    }
    await this.users.write(id, expected, (current) => async (trx) => {
      if (!(await this.repo.updateUser(trx, id, expected, input))) return false;
      // A disabled account or a changed role takes effect at once, not at the session's end.
      await this.repo.deleteSessionsOf(trx, id);
      await this.history.record(
        trx,
        accountEntry(
          actor,
          USER_ENTITY,
          id,
          'modification',
          userSnapshot(current),
          userSnapshot(current, { ...input, version: expected + 1 }),
        ),
      );
      return true;
    });
    return this.getUser(actor, id);
  }

  async setPassword(actor: Actor, id: string, password: string) {
    if (!(actor.kind === 'user' && actor.id === id)) requirePermission(actor, 'comptes');
    const user = await this.users.require(id);
    const hash = await hashPassword(password);
    // Through the optimistic rule, so a concurrent change of the account is reported, not silently lost.
    await this.users.write(id, user.version, () => async (trx) => {
      if (!(await this.repo.updateUser(trx, id, user.version, { mot_de_passe: hash }))) return false;
      await this.recordPasswordChange(trx, actor, user);
      return true;
    });
  }

  /** The history of a password change: the account's version moves on, the hash never appears. */
  recordPasswordChange(trx: Transaction<DB>, actor: Actor, before: UserRow, source = 'interactif') {
    return this.history.record(
      trx,
      accountEntry(
        actor,
        USER_ENTITY,
        before.id,
        'modification',
        userSnapshot(before),
        userSnapshot(before, { version: before.version + 1 }, 'changé'),
        source,
      ),
    );
  }

  async changeOwnPassword(actor: Actor, ancien: string, nouveau: string) {
    if (actor.kind !== 'user' || actor.jeton) throw new AppError('unauthenticated', 'Connexion requise');
    const user = await this.users.require(actor.id);
    if (!(await verifyPassword(ancien, user.mot_de_passe))) {
      throw invalid('Mot de passe actuel incorrect', { ancien: 'mot de passe actuel incorrect' });
    }
    await this.setPassword(actor, actor.id, nouveau);
  }

  /** A token for scripts; the secret is returned once and never stored. */
  async createToken(actor: Actor, input: TokenInput) {
    requirePermission(actor, 'comptes');
    const id = randomUUID();
    const secret = newSecret('odts_');
    const token = {
      id,
      libelle: input.libelle,
      role: input.role,
      regions: input.regions,
      utilisateur: null,
    };
    await this.repo.createToken({ ...token, empreinte: digest(secret) });
    await this.repo.transaction((trx) =>
      this.history.record(trx, {
        ...accountEntry(
          actor,
          TOKEN_ENTITY,
          id,
          'creation',
          null,
          tokenSnapshot({ ...token, revoque: false }),
        ),
        version: null,
      }),
    );
    return {
      id,
      libelle: input.libelle,
      role: input.role,
      regions: input.regions,
      jeton: secret,
      creePar: actorLabel(actor),
    };
  }

  async listTokens(actor: Actor) {
    requirePermission(actor, 'comptes');
    const items = (await this.repo.listTokens()).map((t) => ({
      id: t.id,
      libelle: t.libelle,
      role: t.role,
      regions: t.regions,
      creeLe: t.cree_le.toISOString(),
      revoque: t.revoque_le !== null,
    }));
    return { total: items.length, items };
  }

  async revokeToken(actor: Actor, id: string) {
    requirePermission(actor, 'comptes');
    const token = await this.repo.findTokenById(id);
    const missing = () => new AppError('not_found', `Aucun jeton actif « ${id} »`);
    if (!token || token.revoque_le) throw missing();
    await this.repo.transaction(async (trx) => {
      if (!(await this.repo.revokeToken(trx, id))) throw missing();
      const before = tokenSnapshot({ ...token, revoque: false });
      await this.history.record(trx, {
        ...accountEntry(actor, TOKEN_ENTITY, id, 'modification', before, { ...before, revoque: true }),
        version: null,
      });
    });
  }
}
