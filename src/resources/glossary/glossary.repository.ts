import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { GlossaryTermInput } from '../../domain/glossary/schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface GlossaryRow {
  cle: string;
  document: unknown;
  version: number;
  cree_le: Date;
  modifie_le: Date;
}

export interface GlossaryWrite {
  cle: string;
  term: GlossaryTermInput;
}

const COLUMNS = ['cle', 'document', 'version', 'cree_le', 'modifie_le'] as const;

/** Only place that reads and writes the glossary table. */
export class GlossaryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Every entry (a glossary holds a few hundred at most). */
  all(db: Db = this.db): Promise<GlossaryRow[]> {
    return db.selectFrom('glossaire').select(COLUMNS).orderBy('cle').execute();
  }

  /** The entry whose key is `cle`, whatever its case ("cds" finds "CdS"). */
  findByKey(cle: string, db: Db = this.db): Promise<GlossaryRow | undefined> {
    return db
      .selectFrom('glossaire')
      .select(COLUMNS)
      .where(sql<string>`lower(cle)`, '=', cle.toLowerCase())
      .executeTakeFirst();
  }

  async insertMany(trx: Transaction<DB>, writes: GlossaryWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await trx
      .insertInto('glossaire')
      .values(
        writes.map((w) => ({
          cle: w.cle,
          sigle: w.term.sigle,
          forme: w.term.forme,
          document: JSON.stringify(w.term),
        })),
      )
      .execute();
  }

  /** Optimistic update: only succeeds when the stored version is still `expectedVersion`. */
  async update(trx: Transaction<DB>, w: GlossaryWrite, expectedVersion: number): Promise<boolean> {
    const res = await trx
      .updateTable('glossaire')
      .set({
        sigle: w.term.sigle,
        forme: w.term.forme,
        document: JSON.stringify(w.term),
        version: sql`version + 1`,
        modifie_le: sql`now()`,
      })
      .where('cle', '=', w.cle)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async delete(trx: Transaction<DB>, cle: string, expectedVersion: number): Promise<boolean> {
    const res = await trx
      .deleteFrom('glossaire')
      .where('cle', '=', cle)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  }

  async knownNotices(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('notice').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }
}
