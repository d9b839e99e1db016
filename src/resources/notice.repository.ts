import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DuplicateKeys } from '../domain/resources/dedup.ts';
import { normalizeDoi, titleKey, urlKey, yearOf } from '../domain/resources/identifiers.ts';
import type { NoticeInput } from '../domain/resources/schemas.ts';
import { searchText } from '../domain/resources/search-text.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NoticeRow {
  id: string;
  document: unknown;
  version: number;
  cree_le: Date;
  modifie_le: Date;
}

export interface NoticeWrite {
  id: string;
  notice: NoticeInput;
}

const COLUMNS = ['id', 'document', 'version', 'cree_le', 'modifie_le'] as const;
const CHUNK = 500;

/** The columns derived from a notice on every write, and the text of each search weight. */
function derived(w: NoticeWrite) {
  const n = w.notice;
  const text = searchText(n);
  return {
    id: w.id,
    type: n.type,
    sous_type: n.sousType,
    titre: n.titre,
    date_publication: n.date,
    annee: yearOf(n.date),
    langue: n.langue,
    dispositifs: n.dispositifs,
    themes: n.themes,
    publics: n.publics,
    doi: n.doi ? normalizeDoi(n.doi) : null,
    url_cle: n.url ? urlKey(n.url) : null,
    titre_cle: titleKey(n.titre),
    document: n,
    ...text,
  };
}

// to_tsvector cannot sit in a generated column (unaccent is not immutable): computed in the statement.
const RECORD_COLUMNS = sql.raw(`id text, type text, sous_type text, titre text, date_publication text,
  annee smallint, langue text, dispositifs text[], themes text[], publics text[], doi text, url_cle text,
  titre_cle text, document jsonb, a text, b text, c text, d text`);
const TSVECTOR = sql.raw(`setweight(to_tsvector('french', unaccent(r.a)), 'A')
  || setweight(to_tsvector('french', unaccent(r.b)), 'B')
  || setweight(to_tsvector('french', unaccent(r.c)), 'C')
  || setweight(to_tsvector('french', unaccent(r.d)), 'D')`);

/** Only place that reads and writes the bibliographic tables. */
export class NoticeRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  findById(id: string, db: Db = this.db): Promise<NoticeRow | undefined> {
    return db.selectFrom('notice').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], db: Db = this.db): Promise<NoticeRow[]> {
    const out: NoticeRow[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      if (chunk.length === 0) continue;
      out.push(...(await db.selectFrom('notice').select(COLUMNS).where('id', 'in', chunk).execute()));
    }
    return out;
  }

  /** Bumps the write counter; its row lock orders concurrent writers until the transaction ends. */
  /** Bumped by every notice write (links included): the search index and kept profiles follow it. */
  async currentGeneration(): Promise<number> {
    const row = await this.db.selectFrom('notice_generation').select('valeur').executeTakeFirst();
    return Number(row?.valeur ?? 0);
  }

  async nextGeneration(trx: Transaction<DB>): Promise<number> {
    const row = await trx
      .updateTable('notice_generation')
      .set({ valeur: sql`valeur + 1` })
      .returning('valeur')
      .executeTakeFirstOrThrow();
    return Number(row.valeur);
  }

  async insertMany(trx: Transaction<DB>, writes: NoticeWrite[], generation: number): Promise<void> {
    for (let i = 0; i < writes.length; i += CHUNK) {
      const chunk = writes.slice(i, i + CHUNK);
      const rows = JSON.stringify(chunk.map(derived));
      await sql`insert into notice (id, type, sous_type, titre, date_publication, annee, langue, dispositifs,
          themes, publics, doi, url_cle, titre_cle, document, recherche, generation)
        select r.id, r.type, r.sous_type, r.titre, r.date_publication, r.annee, r.langue, r.dispositifs,
          r.themes, r.publics, r.doi, r.url_cle, r.titre_cle, r.document, ${TSVECTOR}, ${generation}
        from json_to_recordset(${rows}::json) as r(${RECORD_COLUMNS})`.execute(trx);
      await this.writeLinks(trx, chunk);
    }
  }

  /** A deleted record written again from its history keeps numbering its versions where it stopped. */
  async setVersion(trx: Transaction<DB>, id: string, version: number): Promise<void> {
    await trx.updateTable('notice').set({ version }).where('id', '=', id).execute();
  }

  /** Optimistic update: only succeeds when the stored version is still `expectedVersion`. */
  async update(trx: Transaction<DB>, w: NoticeWrite, expectedVersion: number, generation: number) {
    const row = JSON.stringify([derived(w)]);
    const res = await sql`update notice as n set type = r.type, sous_type = r.sous_type, titre = r.titre,
        date_publication = r.date_publication, annee = r.annee, langue = r.langue,
        dispositifs = r.dispositifs, themes = r.themes, publics = r.publics, doi = r.doi,
        url_cle = r.url_cle, titre_cle = r.titre_cle, document = r.document, recherche = ${TSVECTOR},
        version = n.version + 1, modifie_le = now(), generation = ${generation}
      from json_to_recordset(${row}::json) as r(${RECORD_COLUMNS})
      where n.id = r.id and n.version = ${expectedVersion}`.execute(trx);
    if (Number(res.numAffectedRows ?? 0) !== 1) return false;
    await trx.deleteFrom('notice_dynamique').where('notice', '=', w.id).execute();
    await trx.deleteFrom('notice_territoire').where('notice', '=', w.id).execute();
    await this.writeLinks(trx, [w]);
    return true;
  }

  async delete(trx: Transaction<DB>, id: string, expectedVersion: number, generation: number) {
    const res = await trx
      .deleteFrom('notice')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return false;
    await trx.insertInto('notice_suppression').values({ id, generation }).execute();
    return true;
  }

  private async writeLinks(trx: Transaction<DB>, writes: NoticeWrite[]) {
    const dynamics = writes.flatMap((w) =>
      w.notice.dynamiques.map((dynamique) => ({ notice: w.id, dynamique })),
    );
    const territories = writes.flatMap((w) =>
      w.notice.territoires.map((t) => ({ notice: w.id, type: t.type, code: t.code })),
    );
    if (dynamics.length > 0) await trx.insertInto('notice_dynamique').values(dynamics).execute();
    if (territories.length > 0) await trx.insertInto('notice_territoire').values(territories).execute();
  }

  async knownDynamics(ids: string[], db: Db = this.db): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('dynamique').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Which of the `type:code` keys name an existing territory. */
  async knownTerritories(keys: { type: string; code: string }[], db: Db = this.db): Promise<Set<string>> {
    const known = new Set<string>();
    const tables = {
      region: 'region',
      departement: 'departement',
      epci: 'epci',
      commune: 'commune',
      qpv: 'qpv',
    };
    for (const [type, table] of Object.entries(tables)) {
      const codes = [...new Set(keys.filter((k) => k.type === type).map((k) => k.code))];
      if (codes.length === 0) continue;
      const rows = await db
        .selectFrom(table as 'region')
        .select('code')
        .where('code', 'in', codes)
        .execute();
      for (const r of rows) known.add(`${type}:${r.code}`);
    }
    return known;
  }

  /** Stored notices sharing a DOI, a URL or a folded title with one of `keys`. */
  async duplicateCandidates(keys: DuplicateKeys[], db: Db = this.db) {
    const dois = [...new Set(keys.flatMap((k) => (k.doi ? [k.doi] : [])))];
    const urls = [...new Set(keys.flatMap((k) => (k.url ? [k.url] : [])))];
    const titles = [...new Set(keys.map((k) => k.title).filter(Boolean))];
    const out = [];
    for (let i = 0; i < Math.max(dois.length, urls.length, titles.length); i += 2000) {
      const [d, u, t] = [dois, urls, titles].map((list) => list.slice(i, i + 2000)) as [
        string[],
        string[],
        string[],
      ];
      out.push(
        ...(await db
          .selectFrom('notice')
          .select(['id', 'titre', 'doi', 'url_cle', 'titre_cle', 'annee'])
          .where((eb) =>
            eb.or([
              ...(d.length > 0 ? [eb('doi', 'in', d)] : []),
              ...(u.length > 0 ? [eb('url_cle', 'in', u)] : []),
              ...(t.length > 0 ? [eb('titre_cle', 'in', t)] : []),
            ]),
          )
          .orderBy('cree_le')
          .orderBy('id')
          .execute()),
      );
    }
    return out;
  }

  /** Notices whose folded title is close to `title` (trigram similarity), best first. */
  similarTitles(title: string, minimum: number, limit: number) {
    const key = titleKey(title);
    return this.db
      .selectFrom('notice')
      .select(['id', 'titre', 'annee', sql<number>`similarity(titre_cle, ${key})`.as('similarite')])
      .where(sql<boolean>`titre_cle % ${key}`)
      .where(sql<boolean>`similarity(titre_cle, ${key}) >= ${minimum}`)
      .orderBy('similarite', 'desc')
      .limit(limit)
      .execute();
  }
}
