import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ProposalListQuery } from '../domain/campaigns/schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ProposalRow {
  id: string;
  campagne: string;
  destinataire: string;
  dynamique: string | null;
  nature: string;
  decision: string;
  type: string;
  nom: string;
  departements: string[];
  base_version: number | null;
  base: unknown;
  proposee: unknown;
  commentaire: string | null;
  arret: string | null;
  etat: string;
  champs_acceptes: string[];
  changements: number;
  soumis_le: Date;
  examine_par: string | null;
  examine_le: Date | null;
}

export type NewProposal = Omit<ProposalRow, 'etat' | 'champs_acceptes' | 'examine_par' | 'examine_le'>;

const CHUNK = 500;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const COLUMNS = [
  'p.id',
  'p.campagne',
  'p.destinataire',
  'p.dynamique',
  'p.nature',
  'p.decision',
  'p.type',
  'p.nom',
  'p.departements',
  'p.base_version',
  'p.base',
  'p.proposee',
  'p.commentaire',
  'p.arret',
  'p.etat',
  'p.champs_acceptes',
  'p.changements',
  'p.soumis_le',
  'p.examine_par',
  'p.examine_le',
] as const;

export type ProposalWithRecipient = ProposalRow & { email: string; destinataire_nom: string | null };

/**
 * A recipient's saved answer and the proposals made from it when submitted, then the reads and decisions
 * of the proposals reviewers work through (`campagne_proposition`).
 */
export class ProposalRepository {
  constructor(readonly db: Kysely<DB>) {}

  async answerOf(recipient: string): Promise<unknown> {
    const r = await this.db
      .selectFrom('campagne_destinataire')
      .select('reponse')
      .where('id', '=', recipient)
      .executeTakeFirst();
    return r?.reponse ?? null;
  }

  async saveAnswer(trx: Db, id: string, answer: unknown, at: Date, submitted: boolean) {
    await trx
      .updateTable('campagne_destinataire')
      .set({ reponse: json(answer), enregistre_le: at, ...(submitted ? { soumis_le: at } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Proposals of a recipient already decided on: their answer can no longer change. */
  async reviewedCount(recipient: string): Promise<number> {
    const r = await this.db
      .selectFrom('campagne_proposition')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('destinataire', '=', recipient)
      .where('etat', '!=', 'a_examiner')
      .executeTakeFirstOrThrow();
    return r.n;
  }

  async replaceProposals(trx: Db, recipient: string, rows: NewProposal[]) {
    await trx.deleteFrom('campagne_proposition').where('destinataire', '=', recipient).execute();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      await trx
        .insertInto('campagne_proposition')
        .values(chunk.map((p) => ({ ...p, base: json(p.base), proposee: JSON.stringify(p.proposee) })))
        .execute();
    }
  }

  private base(db: Db) {
    return db
      .selectFrom('campagne_proposition as p')
      .innerJoin('campagne_destinataire as d', 'd.id', 'p.destinataire')
      .select(COLUMNS)
      .select(['d.email', 'd.nom as destinataire_nom']);
  }

  /** One page in submission order; the index on (campagne, etat, soumis_le, id) serves it. */
  async page(
    campaign: string,
    q: ProposalListQuery,
  ): Promise<{ total: number; rows: ProposalWithRecipient[] }> {
    let filtered = this.db.selectFrom('campagne_proposition as p').where('p.campagne', '=', campaign);
    if (q.etat) filtered = filtered.where('p.etat', '=', q.etat);
    if (q.type) filtered = filtered.where('p.type', '=', q.type);
    if (q.departement) filtered = filtered.where(sql<boolean>`${q.departement} = any(p.departements)`);
    const total = await filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    let rows = this.base(this.db).where('p.campagne', '=', campaign);
    if (q.etat) rows = rows.where('p.etat', '=', q.etat);
    if (q.type) rows = rows.where('p.type', '=', q.type);
    if (q.departement) rows = rows.where(sql<boolean>`${q.departement} = any(p.departements)`);
    const page = await rows
      .orderBy('p.soumis_le')
      .orderBy('p.id')
      .limit(q.parPage)
      .offset((q.page - 1) * q.parPage)
      .execute();
    return { total: total.n, rows: page as ProposalWithRecipient[] };
  }

  all(campaign: string): Promise<ProposalWithRecipient[]> {
    return this.base(this.db)
      .where('p.campagne', '=', campaign)
      .orderBy('p.soumis_le')
      .orderBy('p.id')
      .execute() as Promise<ProposalWithRecipient[]>;
  }

  find(campaign: string, id: string, db: Db = this.db): Promise<ProposalWithRecipient | undefined> {
    return this.base(db)
      .where('p.campagne', '=', campaign)
      .where('p.id', '=', id)
      .executeTakeFirst() as Promise<ProposalWithRecipient | undefined>;
  }

  /** Locks the proposal so that two reviewers cannot decide on it at once. */
  async lock(trx: Transaction<DB>, id: string): Promise<string | undefined> {
    const r = await trx
      .selectFrom('campagne_proposition')
      .select('etat')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return r?.etat;
  }

  async decide(
    trx: Transaction<DB>,
    id: string,
    d: { etat: 'fusionnee' | 'rejetee'; acceptes: string[]; par: string; at: Date; dynamique?: string },
  ) {
    await trx
      .updateTable('campagne_proposition')
      .set({
        etat: d.etat,
        champs_acceptes: d.acceptes,
        examine_par: d.par,
        examine_le: d.at,
        ...(d.dynamique ? { dynamique: d.dynamique } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Undoes a claim whose registry write failed: the proposal is waiting for review again. */
  async reopen(trx: Transaction<DB>, id: string) {
    await trx
      .updateTable('campagne_proposition')
      .set({ etat: 'a_examiner', champs_acceptes: [], examine_par: null, examine_le: null })
      .where('id', '=', id)
      .execute();
  }

  async countsByState(campaign: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('campagne_proposition')
      .select(['etat', sql<number>`count(*)::int`.as('n')])
      .where('campagne', '=', campaign)
      .groupBy('etat')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.etat, r.n]));
  }

  /** Recipients with at least one decided proposal (the dashboard's « examinés »). */
  async reviewedRecipients(campaign: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('campagne_proposition')
      .select('destinataire')
      .distinct()
      .where('campagne', '=', campaign)
      .where('etat', '!=', 'a_examiner')
      .execute();
    return new Set(rows.map((r) => r.destinataire));
  }
}
