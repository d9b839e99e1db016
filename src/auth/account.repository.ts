import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface UserRow {
  id: string;
  email: string;
  nom: string;
  role: string;
  regions: string[];
  dynamiques: string[];
  mot_de_passe: string | null;
  actif: boolean;
  echecs: number;
  bloque_jusqua: Date | null;
  cree_le: Date;
  version: number;
}

const USER_COLUMNS = [
  'id',
  'email',
  'nom',
  'role',
  'regions',
  'dynamiques',
  'mot_de_passe',
  'actif',
  'echecs',
  'bloque_jusqua',
  'cree_le',
  'version',
] as const;

type Db = Kysely<DB> | Transaction<DB>;

/** Accounts, sessions and API tokens: the only SQL of the auth module. */
export class AccountRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(run);
  }

  findUserByEmail(email: string, db: Db = this.db): Promise<UserRow | undefined> {
    return db
      .selectFrom('utilisateur')
      .select(USER_COLUMNS)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  findUser(id: string, db: Db = this.db): Promise<UserRow | undefined> {
    return db.selectFrom('utilisateur').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async hasUsers(): Promise<boolean> {
    return (await this.db.selectFrom('utilisateur').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  listUsers(): Promise<UserRow[]> {
    return this.db.selectFrom('utilisateur').select(USER_COLUMNS).orderBy(sql`lower(email)`).execute();
  }

  async insertUser(
    trx: Transaction<DB>,
    u: Pick<UserRow, 'id' | 'email' | 'nom' | 'role' | 'regions' | 'dynamiques' | 'mot_de_passe'>,
  ): Promise<void> {
    await trx.insertInto('utilisateur').values(u).execute();
  }

  async updateUser(
    trx: Transaction<DB>,
    id: string,
    expectedVersion: number,
    changes: Partial<
      Pick<
        UserRow,
        'nom' | 'role' | 'regions' | 'dynamiques' | 'actif' | 'mot_de_passe' | 'echecs' | 'bloque_jusqua'
      >
    >,
  ): Promise<boolean> {
    const res = await trx
      .updateTable('utilisateur')
      .set({ ...changes, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async deleteUser(trx: Transaction<DB>, id: string): Promise<void> {
    await trx.deleteFrom('utilisateur').where('id', '=', id).execute();
  }

  /** After a failed login: one more failure, and a lockout once `limit` is reached. */
  async recordFailure(id: string, limit: number, lockSeconds: number): Promise<void> {
    await this.db
      .updateTable('utilisateur')
      .set({
        echecs: sql`echecs + 1`,
        bloque_jusqua: sql`case when echecs + 1 >= ${limit} then now() + make_interval(secs => ${lockSeconds}) else bloque_jusqua end`,
      })
      .where('id', '=', id)
      .execute();
  }

  async clearFailures(id: string): Promise<void> {
    await this.db
      .updateTable('utilisateur')
      .set({ echecs: 0, bloque_jusqua: null })
      .where('id', '=', id)
      .execute();
  }

  async createSession(s: { empreinte: string; utilisateur: string; csrf: string; expire_le: Date }) {
    await this.db.insertInto('session_utilisateur').values(s).execute();
  }

  /** The live session of a cookie digest, with its account (active accounts only). */
  findSession(empreinte: string) {
    return this.db
      .selectFrom('session_utilisateur as s')
      .innerJoin('utilisateur as u', 'u.id', 's.utilisateur')
      .select(['s.csrf', 's.expire_le', ...USER_COLUMNS.map((c) => `u.${c}` as const)])
      .where('s.empreinte', '=', empreinte)
      .where('s.expire_le', '>', sql<Date>`now()`)
      .where('u.actif', '=', true)
      .executeTakeFirst();
  }

  async deleteSession(empreinte: string): Promise<void> {
    await this.db.deleteFrom('session_utilisateur').where('empreinte', '=', empreinte).execute();
  }

  async deleteSessionsOf(trx: Transaction<DB>, utilisateur: string): Promise<void> {
    await trx.deleteFrom('session_utilisateur').where('utilisateur', '=', utilisateur).execute();
  }

  async createToken(t: {
    id: string;
    empreinte: string;
    libelle: string;
    role: string;
    regions: string[];
    utilisateur: string | null;
  }) {
    await this.db.insertInto('jeton').values(t).execute();
  }

  findToken(empreinte: string) {
    return this.db
      .selectFrom('jeton')
      .select(['id', 'libelle', 'role', 'regions', 'utilisateur', 'cree_le'])
      .where('empreinte', '=', empreinte)
      .where('revoque_le', 'is', null)
      .executeTakeFirst();
  }

  listTokens() {
    return this.db
      .selectFrom('jeton')
      .select(['id', 'libelle', 'role', 'regions', 'utilisateur', 'cree_le', 'revoque_le'])
      .orderBy('cree_le', 'desc')
      .execute();
  }

  async revokeToken(trx: Transaction<DB>, id: string): Promise<boolean> {
    const res = await trx
      .updateTable('jeton')
      .set({ revoque_le: sql`now()` })
      .where('id', '=', id)
      .where('revoque_le', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  findTokenById(id: string) {
    return this.db
      .selectFrom('jeton')
      .select(['id', 'libelle', 'role', 'regions', 'utilisateur', 'cree_le', 'revoque_le'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  tokensOf(utilisateur: string) {
    return this.db
      .selectFrom('jeton')
      .select(['id', 'libelle', 'cree_le', 'revoque_le'])
      .where('utilisateur', '=', utilisateur)
      .orderBy('cree_le')
      .execute();
  }

  async revokeTokensOf(trx: Transaction<DB>, utilisateur: string): Promise<void> {
    await trx
      .updateTable('jeton')
      .set({ revoque_le: sql`now()` })
      .where('utilisateur', '=', utilisateur)
      .where('revoque_le', 'is', null)
      .execute();
  }

  sessionsOf(utilisateur: string) {
    return this.db
      .selectFrom('session_utilisateur')
      .select(['cree_le', 'expire_le'])
      .where('utilisateur', '=', utilisateur)
      .orderBy('cree_le')
      .execute();
  }

  /** Reset links asked for an account since a date (the per-account limit). */
  async countResetRequests(utilisateur: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('reinitialisation')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('utilisateur', '=', utilisateur)
      .where('demande_le', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async createResetLink(r: { empreinte: string; utilisateur: string; expire_le: Date }): Promise<void> {
    await this.db.insertInto('reinitialisation').values(r).execute();
  }

  /**
   * Uses a reset link once: marks it used when it is still valid and answers its account, or undefined
   * when it is unknown, expired or already used (the update is the check, so two uses cannot both win).
   */
  async consumeResetLink(trx: Transaction<DB>, empreinte: string): Promise<string | undefined> {
    const row = await trx
      .updateTable('reinitialisation')
      .set({ utilise_le: sql`now()` })
      .where('empreinte', '=', empreinte)
      .where('utilise_le', 'is', null)
      .where('expire_le', '>', sql<Date>`now()`)
      .returning('utilisateur')
      .executeTakeFirst();
    return row?.utilisateur;
  }

  /** Once the password is set, the account's other links are void. */
  async voidResetLinks(trx: Transaction<DB>, utilisateur: string): Promise<void> {
    await trx
      .updateTable('reinitialisation')
      .set({ utilise_le: sql`now()` })
      .where('utilisateur', '=', utilisateur)
      .where('utilise_le', 'is', null)
      .execute();
  }

  /** Erasure: the account stays (its id anchors the audit) but loses every personal detail. */
  async anonymiseUser(
    trx: Transaction<DB>,
    id: string,
    expectedVersion: number,
    pseudonym: { email: string; nom: string },
  ): Promise<boolean> {
    const res = await trx
      .updateTable('utilisateur')
      .set({
        email: pseudonym.email,
        nom: pseudonym.nom,
        mot_de_passe: null,
        actif: false,
        echecs: 0,
        bloque_jusqua: null,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('reinitialisation').where('utilisateur', '=', id).execute();
    return true;
  }
}
