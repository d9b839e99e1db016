import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { titleKey } from '../../domain/resources/identifiers.ts';
import { type SelectionInput, selectionEntries } from '../../domain/resources/selection-schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface SelectionRow {
  id: string;
  document: unknown;
  version: number;
  nombre_notices: number;
  cree_le: Date;
  modifie_le: Date;
}

const COLUMNS = ['id', 'document', 'version', 'nombre_notices', 'cree_le', 'modifie_le'] as const;

function derived(s: SelectionInput) {
  return {
    titre: s.titre,
    titre_cle: titleKey(s.titre),
    date_selection: s.date,
    document: JSON.stringify(s),
    nombre_notices: new Set(selectionEntries(s.sections).map((e) => e.entry.notice)).size,
  };
}

/** Only place that reads and writes the `selection` table. */
export class SelectionRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  findById(id: string, db: Db = this.db): Promise<SelectionRow | undefined> {
    return db.selectFrom('selection').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Ids of sélections with this title (accents, case and punctuation ignored). */
  async idsWithTitle(title: string, db: Db = this.db): Promise<string[]> {
    const rows = await db
      .selectFrom('selection')
      .select('id')
      .where('titre_cle', '=', titleKey(title))
      .orderBy('cree_le')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Most recently changed first; `q` filters on the folded title. */
  async list(q: { q?: string | undefined; offset: number; limit: number }) {
    let query = this.db.selectFrom('selection');
    if (q.q) query = query.where('titre_cle', 'like', `%${titleKey(q.q).replace(/[%_\\]/g, '\\$&')}%`);
    const [{ total }] = (await query.select((eb) => eb.fn.countAll<string>().as('total')).execute()) as [
      { total: string },
    ];
    const rows = await query
      .select(COLUMNS)
      .orderBy('modifie_le', 'desc')
      .orderBy('id')
      .offset(q.offset)
      .limit(q.limit)
      .execute();
    return { total: Number(total), rows };
  }

  async insert(trx: Transaction<DB>, id: string, s: SelectionInput): Promise<void> {
    await trx
      .insertInto('selection')
      .values({ id, ...derived(s) })
      .execute();
  }

  /** Optimistic update: only succeeds when the stored version is still `expectedVersion`. */
  async update(trx: Transaction<DB>, id: string, s: SelectionInput, expectedVersion: number) {
    const res = await trx
      .updateTable('selection')
      .set({ ...derived(s), version: sql`version + 1`, modifie_le: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async delete(trx: Transaction<DB>, id: string, expectedVersion: number) {
    const res = await trx
      .deleteFrom('selection')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  }

  /** Sélections whose document mentions this notice id (entries or citations), read inside `db`. */
  mentioning(noticeId: string, db: Db = this.db): Promise<SelectionRow[]> {
    return db
      .selectFrom('selection')
      .select(COLUMNS)
      .where(sql<boolean>`strpos(document::text, ${noticeId}) > 0`)
      .forUpdate()
      .execute();
  }

  /** Which of these notice ids exist. */
  async knownNotices(ids: string[], db: Db = this.db): Promise<Set<string>> {
    const known = new Set<string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 5000) {
      const chunk = unique.slice(i, i + 5000);
      const rows = await db.selectFrom('notice').select('id').where('id', 'in', chunk).execute();
      for (const r of rows) known.add(r.id);
    }
    return known;
  }
}
