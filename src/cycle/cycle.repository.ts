import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface SelfAssessmentRow {
  id: string;
  dynamique: string;
  date: string;
  criteres: unknown;
  commentaire: string | null;
  auteur: string;
  cree_le: Date;
}

export interface CycleRow {
  dynamique: string;
  document: unknown;
  version: number;
  modifie_le: Date;
}

/** The only SQL of self-assessments and project cycles. */
export class CycleRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(run: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(run);
  }

  dynamic(id: string): Promise<{ id: string; type: string; nom: string } | undefined> {
    return this.db
      .selectFrom('dynamique')
      .select(['id', 'type', 'nom'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Newest first: by the day assessed, then by when it was entered. */
  assessmentsOf(dynamique: string): Promise<SelfAssessmentRow[]> {
    return this.db
      .selectFrom('auto_evaluation')
      .selectAll()
      .where('dynamique', '=', dynamique)
      .orderBy('date', 'desc')
      .orderBy('cree_le', 'desc')
      .execute();
  }

  async insertAssessment(
    trx: Transaction<DB>,
    row: Omit<SelfAssessmentRow, 'cree_le' | 'criteres'> & { criteres: unknown },
  ) {
    return trx
      .insertInto('auto_evaluation')
      .values({ ...row, criteres: JSON.stringify(row.criteres) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The latest assessment of each of these dynamics (all dynamics when `ids` is null). */
  latestAssessments(ids: string[] | null): Promise<SelfAssessmentRow[]> {
    if (ids?.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('auto_evaluation')
      .selectAll()
      .distinctOn('dynamique')
      .$if(ids !== null, (q) => q.where('dynamique', 'in', ids as string[]))
      .orderBy('dynamique')
      .orderBy('date', 'desc')
      .orderBy('cree_le', 'desc')
      .execute();
  }

  /** Dynamics whose perimeter touches a région or a département (every dynamic without a scope). */
  async dynamicsIn(scope: {
    region?: string | undefined;
    departement?: string | undefined;
  }): Promise<string[]> {
    if (!scope.region && !scope.departement) {
      return (await this.db.selectFrom('dynamique').select('id').execute()).map((r) => r.id);
    }
    const rows = await sql<{ id: string }>`
      select distinct dc.dynamique as id
        from dynamique_commune dc join commune c on c.code = dc.commune
       where (${scope.region ?? null}::text is null or c.region = ${scope.region ?? null})
         and (${scope.departement ?? null}::text is null or c.departement = ${scope.departement ?? null})`.execute(
      this.db,
    );
    return rows.rows.map((r) => r.id);
  }

  cycle(dynamique: string, trx?: Transaction<DB>): Promise<CycleRow | undefined> {
    return (trx ?? this.db)
      .selectFrom('cycle_projet')
      .selectAll()
      .where('dynamique', '=', dynamique)
      .executeTakeFirst();
  }

  /** Insert (expected 0) or optimistic update; false when someone wrote in between. */
  async writeCycle(
    trx: Transaction<DB>,
    dynamique: string,
    document: unknown,
    expected: number,
  ): Promise<boolean> {
    if (expected === 0) {
      const res = await trx
        .insertInto('cycle_projet')
        .values({ dynamique, document: JSON.stringify(document) })
        .onConflict((oc) => oc.column('dynamique').doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const res = await trx
      .updateTable('cycle_projet')
      .set({ document: JSON.stringify(document), version: sql`version + 1`, modifie_le: sql`now()` })
      .where('dynamique', '=', dynamique)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Which of these ids are actions, and which notices, of the platform. */
  async existing(actions: string[], notices: string[]) {
    const [a, n] = await Promise.all([
      actions.length === 0
        ? []
        : this.db.selectFrom('action').select('id').where('id', 'in', actions).execute(),
      notices.length === 0
        ? []
        : this.db.selectFrom('notice').select('id').where('id', 'in', notices).execute(),
    ]);
    return { actions: new Set(a.map((r) => r.id)), notices: new Set(n.map((r) => r.id)) };
  }
}
