import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { StatusPeriod } from '../domain/registry/timeline.ts';

export interface StoredLifecycle {
  id: string;
  document: unknown;
  creeLe: Date;
  periods: StatusPeriod[];
}

/** Reads every record's lifecycle and rewrites derived status periods (when the rules that make them change). */
export class StatusPeriodsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async all(): Promise<StoredLifecycle[]> {
    const [docs, periods] = await Promise.all([
      this.db.selectFrom('dynamique').select(['id', 'document', 'cree_le']).orderBy('id').execute(),
      this.db
        .selectFrom('dynamique_periode')
        .select(['dynamique', 'statut', 'debut', 'fin'])
        .orderBy('dynamique')
        .orderBy('debut')
        .execute(),
    ]);
    const byId = new Map<string, StatusPeriod[]>();
    for (const p of periods) {
      const list = byId.get(p.dynamique) ?? [];
      list.push({ statut: p.statut as StatusPeriod['statut'], debut: p.debut, fin: p.fin });
      byId.set(p.dynamique, list);
    }
    return docs.map((d) => ({
      id: d.id,
      document: d.document,
      creeLe: d.cree_le,
      periods: byId.get(d.id) ?? [],
    }));
  }

  /** One transaction: the periods of each record listed are replaced. */
  async replace(changes: { id: string; periods: StatusPeriod[] }[]): Promise<void> {
    if (changes.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const ids = changes.map((c) => c.id);
      for (let i = 0; i < ids.length; i += 1000) {
        await trx
          .deleteFrom('dynamique_periode')
          .where('dynamique', 'in', ids.slice(i, i + 1000))
          .execute();
      }
      const rows = changes.flatMap((c) =>
        c.periods.map((p) => ({ dynamique: c.id, statut: p.statut, debut: p.debut, fin: p.fin })),
      );
      for (let i = 0; i < rows.length; i += 2000) {
        await sql`insert into dynamique_periode
          select * from json_populate_recordset(null::dynamique_periode, ${JSON.stringify(rows.slice(i, i + 2000))}::json)`.execute(
          trx,
        );
      }
    });
  }
}
