import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface RecipientRow {
  id: string;
  campagne: string;
  email: string;
  nom: string | null;
  origine: string;
  dynamiques: string[];
  types: string[];
  departements: string[];
  expire_le: Date | null;
  envoye_le: Date | null;
  ouvert_le: Date | null;
  enregistre_le: Date | null;
  soumis_le: Date | null;
  relances: number;
  reponse: unknown;
  base: unknown;
}

export type NewRecipient = Omit<
  RecipientRow,
  'expire_le' | 'envoye_le' | 'ouvert_le' | 'enregistre_le' | 'soumis_le' | 'relances' | 'reponse' | 'base'
>;

const RECIPIENT_COLUMNS = [
  'id',
  'campagne',
  'email',
  'nom',
  'origine',
  'dynamiques',
  'types',
  'departements',
  'expire_le',
  'envoye_le',
  'ouvert_le',
  'enregistre_le',
  'soumis_le',
  'relances',
  'reponse',
  'base',
] as const;
const CHUNK = 500;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Recipients of a campaign (`campagne_destinataire`): invitations, personal links, reminders, opening. */
export class RecipientRepository {
  constructor(readonly db: Kysely<DB>) {}

  async insertRecipients(trx: Db, rows: NewRecipient[]) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if (chunk.length > 0) await trx.insertInto('campagne_destinataire').values(chunk).execute();
    }
  }

  recipients(campaign: string, db: Db = this.db): Promise<RecipientRow[]> {
    return db
      .selectFrom('campagne_destinataire')
      .select(RECIPIENT_COLUMNS)
      .where('campagne', '=', campaign)
      .orderBy('email')
      .execute();
  }

  /** Recipients without their answers: what lists and dashboards need, light even at national scale. */
  recipientStates(campaign: string): Promise<Omit<RecipientRow, 'reponse' | 'base'>[]> {
    return this.db
      .selectFrom('campagne_destinataire')
      .select(RECIPIENT_COLUMNS.filter((c) => c !== 'reponse' && c !== 'base'))
      .where('campagne', '=', campaign)
      .orderBy('email')
      .execute() as Promise<Omit<RecipientRow, 'reponse' | 'base'>[]>;
  }

  messageFileOf(
    campaign: string,
    recipient: string,
  ): Promise<{ message_fichier: string | null } | undefined> {
    return this.db
      .selectFrom('campagne_destinataire')
      .select('message_fichier')
      .where('campagne', '=', campaign)
      .where('id', '=', recipient)
      .executeTakeFirst();
  }

  /** Recipients with that address, in any campaign (exports and erasures of personal data). */
  recipientsByEmail(email: string): Promise<
    {
      id: string;
      campagne: string;
      nom: string | null;
      email: string;
      reponse: unknown;
      campagne_nom: string;
    }[]
  > {
    return this.db
      .selectFrom('campagne_destinataire as d')
      .innerJoin('campagne as c', 'c.id', 'd.campagne')
      .select(['d.id', 'd.campagne', 'd.nom', 'd.email', 'd.reponse', 'c.nom as campagne_nom'])
      .where(sql<boolean>`lower(d.email) = lower(${email})`)
      .execute();
  }

  /** The person leaves the recipient row: address replaced, name and personal link gone. */
  async anonymiseRecipient(id: string, pseudonymEmail: string, trx?: Transaction<DB>) {
    await (trx ?? this.db)
      .updateTable('campagne_destinataire')
      .set({
        email: pseudonymEmail,
        nom: null,
        jeton_empreinte: null,
        expire_le: null,
        message_fichier: null,
      })
      .where('id', '=', id)
      .execute();
  }

  recipientByToken(hash: string): Promise<RecipientRow | undefined> {
    return this.db
      .selectFrom('campagne_destinataire')
      .select(RECIPIENT_COLUMNS)
      .where('jeton_empreinte', '=', hash)
      .executeTakeFirst();
  }

  /** A new personal link: the previous one stops working (only its hash was ever stored). */
  async setTokens(
    trx: Db,
    rows: { id: string; hash: string; file: string | null }[],
    expires: Date,
    at: Date,
    kind: 'envoi' | 'relance',
  ) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const values = sql.join(chunk.map((r) => sql`(${r.id}, ${r.hash}, ${r.file}::text)`));
      const set =
        kind === 'envoi'
          ? sql`envoye_le = ${at}`
          : sql`relance_le = ${at}, relances = campagne_destinataire.relances + 1`;
      await sql`update campagne_destinataire
        set jeton_empreinte = v.hash, message_fichier = v.file, expire_le = ${expires}, ${set}
        from (values ${values}) as v(id, hash, file) where campagne_destinataire.id = v.id`.execute(trx);
    }
  }

  async markOpened(id: string, base: unknown, at: Date) {
    await this.db
      .updateTable('campagne_destinataire')
      .set({ ouvert_le: at, base: json(base) })
      .where('id', '=', id)
      .where('ouvert_le', 'is', null)
      .execute();
  }
}
