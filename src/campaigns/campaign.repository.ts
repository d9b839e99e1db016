import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface CampaignRow {
  id: string;
  nom: string;
  document: unknown;
  etat: string;
  cree_par: string;
  version: number;
  cree_le: Date;
  envoyee_le: Date | null;
}

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

/** A registry record as a campaign reads it: the stored document with its version and place. */
export interface ScopedDynamic {
  id: string;
  type: string;
  nom: string;
  document: unknown;
  version: number;
  cree_le: Date;
  departements: string[];
}

export type NewRecipient = Omit<
  RecipientRow,
  'expire_le' | 'envoye_le' | 'ouvert_le' | 'enregistre_le' | 'soumis_le' | 'relances' | 'reponse' | 'base'
>;
export type NewProposal = Omit<ProposalRow, 'etat' | 'champs_acceptes' | 'examine_par' | 'examine_le'>;

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

/** Only place that reads and writes the `campagne*` tables (and reads the registry for them). */
export class CampaignRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async insertCampaign(trx: Db, c: { id: string; nom: string; document: unknown; creePar: string }) {
    await trx
      .insertInto('campagne')
      .values({
        id: c.id,
        nom: c.nom,
        document: JSON.stringify(c.document),
        cree_par: c.creePar,
        envoyee_le: null,
      })
      .execute();
  }

  findCampaign(id: string, db: Db = this.db): Promise<CampaignRow | undefined> {
    return db
      .selectFrom('campagne')
      .select(['id', 'nom', 'document', 'etat', 'cree_par', 'version', 'cree_le', 'envoyee_le'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listCampaigns(): Promise<(CampaignRow & { destinataires: number })[]> {
    return this.db
      .selectFrom('campagne as c')
      .select([
        'c.id',
        'c.nom',
        'c.document',
        'c.etat',
        'c.cree_par',
        'c.version',
        'c.cree_le',
        'c.envoyee_le',
      ])
      .select((eb) =>
        eb
          .selectFrom('campagne_destinataire as d')
          .whereRef('d.campagne', '=', 'c.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('destinataires'),
      )
      .orderBy('c.cree_le', 'desc')
      .execute() as Promise<(CampaignRow & { destinataires: number })[]>;
  }

  async markSent(trx: Db, id: string, at: Date) {
    await trx
      .updateTable('campagne')
      .set({ etat: 'envoyee', envoyee_le: sql<Date>`coalesce(envoyee_le, ${at})`, modifie_le: at })
      .where('id', '=', id)
      .execute();
  }

  /** Registry records of some kinds with at least one commune in a région or in some départements. */
  async dynamicsInScope(scope: { types: string[]; region: string | null; departements: string[] }) {
    const ids = await this.db
      .selectFrom('dynamique as d')
      .innerJoin('dynamique_commune as dc', 'dc.dynamique', 'd.id')
      .innerJoin('commune as c', 'c.code', 'dc.commune')
      .select('d.id')
      .distinct()
      .where('d.type', 'in', scope.types)
      .where((eb) => {
        const parts = [];
        if (scope.region) parts.push(eb('c.region', '=', scope.region));
        if (scope.departements.length > 0) parts.push(eb('c.departement', 'in', scope.departements));
        return eb.or(parts);
      })
      .execute();
    return this.dynamicsByIds(ids.map((r) => r.id));
  }

  async dynamicsByIds(ids: string[], db: Db = this.db): Promise<ScopedDynamic[]> {
    const out: ScopedDynamic[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const rows = await db
        .selectFrom('dynamique as d')
        .select(['d.id', 'd.type', 'd.nom', 'd.document', 'd.version', 'd.cree_le'])
        .select(
          sql<
            string[]
          >`coalesce((select array_agg(distinct c.departement order by c.departement) from dynamique_commune dc join commune c on c.code = dc.commune where dc.dynamique = d.id and c.departement is not null), '{}')`.as(
            'departements',
          ),
        )
        .where('d.id', 'in', chunk)
        .execute();
      out.push(...rows);
    }
    return out;
  }

  /** Départements a perimeter touches, from its communes, its EPCI's communes and its départements. */
  async departementsOf(p: { communes: string[]; epci: string[]; departements: string[] }): Promise<string[]> {
    const found = new Set(p.departements);
    if (p.communes.length > 0 || p.epci.length > 0) {
      const rows = await this.db
        .selectFrom('commune')
        .select('departement')
        .distinct()
        .where((eb) =>
          eb.or([
            ...(p.communes.length > 0 ? [eb('code', 'in', p.communes)] : []),
            ...(p.epci.length > 0 ? [eb('epci', 'in', p.epci)] : []),
          ]),
        )
        .execute();
      for (const r of rows) if (r.departement) found.add(r.departement);
    }
    return [...found].sort();
  }

  async departementNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('departement')
      .select(['code', 'nom'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.nom]));
  }

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

  async answerOf(recipient: string): Promise<unknown> {
    const r = await this.db
      .selectFrom('campagne_destinataire')
      .select('reponse')
      .where('id', '=', recipient)
      .executeTakeFirst();
    return r?.reponse ?? null;
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
}

/** Région of each known département code, and whether a région code exists. */
export async function placesOf(
  db: Kysely<DB>,
  departements: string[],
  region: string | null,
): Promise<{ departements: Map<string, string>; regionExists: boolean }> {
  const rows =
    departements.length === 0
      ? []
      : await db
          .selectFrom('departement')
          .select(['code', 'region'])
          .where('code', 'in', departements)
          .execute();
  const regionRow = region
    ? await db.selectFrom('region').select('code').where('code', '=', region).executeTakeFirst()
    : undefined;
  return {
    departements: new Map(rows.map((r) => [r.code, r.region])),
    regionExists: regionRow !== undefined,
  };
}
