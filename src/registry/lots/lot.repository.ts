import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface LotEntry {
  id: number;
  entite_id: string;
  action: string;
  avant: unknown;
  apres: unknown;
}

/** Change sets (`lot`): an import is one, and can be reverted as a whole. */
export class LotRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(
    trx: Transaction<DB>,
    lot: { id: string; auteur: string; description: string; nombre: number },
  ): Promise<void> {
    await trx.insertInto('lot').values(lot).execute();
  }

  findById(id: string) {
    return this.db.selectFrom('lot').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(page: number, limit: number) {
    const rows = await this.db
      .selectFrom('lot')
      .select([
        'id',
        'auteur',
        'date',
        'description',
        'nombre',
        'annule_le',
        'annule_par',
        sql<number>`count(*) over ()`.as('total'),
      ])
      .orderBy('date', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute();
    const total =
      rows[0]?.total ??
      Number(
        (await this.db.selectFrom('lot').select(sql<string>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0,
      );
    return { total: Number(total), rows };
  }

  /** The creations and modifications the lot made, in the order they were written. */
  entries(lot: string, entite = 'dynamique'): Promise<LotEntry[]> {
    return this.db
      .selectFrom('historique')
      .select(['id', 'entite_id', 'action', 'avant', 'apres'])
      .where('lot', '=', lot)
      .where('entite', '=', entite)
      .where('action', 'in', ['creation', 'modification'])
      .orderBy('id')
      .execute();
  }

  /** The kinds of records (`dynamique`, `notice`…) the lot wrote. */
  async entities(lot: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('historique')
      .select('entite')
      .distinct()
      .where('lot', '=', lot)
      .execute();
    return rows.map((r) => r.entite);
  }

  /** Marks the lot reverted; false when someone else reverted it first. */
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
