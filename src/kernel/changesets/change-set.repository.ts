import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ChangeSetRow {
  id: string;
  auteur: string;
  date: Date;
  description: string;
  nombre: number;
  annule_le: Date | null;
  annule_par: string | null;
}

/** Change sets (`lot`): writes grouped so that they can be reverted together. */
export class ChangeSetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(run);
  }

  async create(
    trx: Transaction<DB>,
    lot: { id: string; auteur: string; description: string; nombre: number },
  ): Promise<void> {
    await trx.insertInto('lot').values(lot).execute();
  }

  findById(id: string): Promise<ChangeSetRow | undefined> {
    return this.db.selectFrom('lot').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `entite`: only the change sets that wrote records of that kind (history entries tell). */
  async list(page: number, limit: number, entite?: string): Promise<{ total: number; rows: ChangeSetRow[] }> {
    const ofKind = (q: typeof base) =>
      entite
        ? q.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('historique')
                .select('historique.id')
                .whereRef('historique.lot', '=', 'lot.id')
                .where('historique.entite', '=', entite),
            ),
          )
        : q;
    const base = this.db.selectFrom('lot');
    const rows = await ofKind(base)
      .selectAll()
      .select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute();
    const total =
      rows[0]?.total ??
      Number((await ofKind(base).select(sql<string>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
    return { total: Number(total), rows };
  }

  /** Marks the change set reverted; false when someone else reverted it first. */
  async markReverted(trx: Transaction<DB>, id: string, par: string): Promise<boolean> {
    const res = await trx
      .updateTable('lot')
      .set({ annule_le: sql`now()`, annule_par: par })
      .where('id', '=', id)
      .where('annule_le', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
