import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** How long a retried import answers the first result (a day covers a retry the next morning). */
const KEPT = sql`interval '24 hours'`;

export interface ImportReceipt {
  /** SHA-256 of the file and the options of the import that stored this answer. */
  empreinte: string;
  reponse: unknown;
}

/** The first answer of each import, by key and author, so that a retry does not write the rows again. */
export class ImportReceiptRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The live answer stored under this key, unless its change set has been reverted since. */
  async find(cle: string, auteur: string): Promise<ImportReceipt | undefined> {
    return this.db
      .selectFrom('import_idempotence as i')
      .leftJoin('lot as l', 'l.id', 'i.lot')
      .select(['i.empreinte', 'i.reponse'])
      .where('i.cle', '=', cle)
      .where('i.auteur', '=', auteur)
      .where('i.cree_le', '>', sql<Date>`now() - ${KEPT}`)
      .where('l.annule_le', 'is', null)
      .executeTakeFirst();
  }

  /**
   * Stores the answer inside the import's transaction, first thing: a concurrent import under the same key
   * then fails on the primary key instead of writing its rows too. Expired answers are removed on the way.
   */
  async record(
    trx: Transaction<DB>,
    r: { cle: string; auteur: string; empreinte: string; lot: string; reponse: unknown },
  ): Promise<void> {
    await trx
      .deleteFrom('import_idempotence')
      .where((eb) =>
        eb.or([
          eb('cree_le', '<=', sql<Date>`now() - ${KEPT}`),
          eb.and([
            eb('cle', '=', r.cle),
            eb('auteur', '=', r.auteur),
            eb('lot', 'in', eb.selectFrom('lot').select('id').where('annule_le', 'is not', null)),
          ]),
        ]),
      )
      .execute();
    await trx
      .insertInto('import_idempotence')
      .values({ ...r, reponse: JSON.stringify(r.reponse) })
      .execute();
  }
}

/** True for the error of a second insert under the same key (PostgreSQL's unique_violation). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
