import { type Kysely, sql, type Transaction } from 'kysely';
import type { ContourLevel, DB } from '../db/schema.ts';
import type { ProgressReporter } from '../kernel/progress.ts';

const BATCH = 5000;

export type ReplaceableTable = 'region' | 'departement' | 'epci' | 'commune';
/** Tables of the optional layers (QPV, contrats de ville, contours), written by their importers. */
export type LayerTable = 'qpv' | 'qpv_commune' | 'contrat_ville' | 'contrat_ville_commune' | 'contour';

/**
 * Only place that writes reference tables. Rows go in as one JSON parameter per batch
 * (json_populate_recordset), which is an order of magnitude faster than multi-row VALUES on PGlite.
 */
export class ReferenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async layerVintage(layer: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('reference_layer')
      .select('vintage')
      .where('layer', '=', layer)
      .executeTakeFirst();
    return row?.vintage ?? null;
  }

  async layers() {
    return this.db.selectFrom('reference_layer').selectAll().orderBy('layer').execute();
  }

  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async replaceRows(
    trx: Transaction<DB>,
    table: ReplaceableTable,
    rows: object[],
    progress?: ProgressReporter,
  ): Promise<void> {
    await trx.deleteFrom(table).execute();
    await this.insertRows(trx, table, rows, progress);
  }

  /** Rows must carry every column: json_populate_recordset leaves absent keys null, not default. */
  async insertRows(
    trx: Transaction<DB>,
    table: ReplaceableTable | LayerTable,
    rows: object[],
    progress?: ProgressReporter,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH));
      await sql`insert into ${sql.table(table)}
        select * from json_populate_recordset(null::${sql.table(table)}, ${batch}::json)`.execute(trx);
      progress?.({ step: table, done: Math.min(i + BATCH, rows.length), total: rows.length });
    }
  }

  async clear(trx: Transaction<DB>, table: LayerTable): Promise<void> {
    await trx.deleteFrom(table).execute();
  }

  /** A QPV file replaces the generations it contains; its communes go with them (on delete cascade). */
  async deleteQpv(trx: Transaction<DB>, generations: string[], codes: string[]): Promise<void> {
    if (generations.length > 0) await trx.deleteFrom('qpv').where('generation', 'in', generations).execute();
    const list = JSON.stringify(codes);
    await sql`delete from qpv where code in (select json_array_elements_text(${list}::json))`.execute(trx);
  }

  /** What earlier imports stored for these QPV, to keep it when a new source lacks it. */
  async qpvExtras(trx: Transaction<DB>, codes: string[]) {
    const list = JSON.stringify(codes);
    const { rows } = await sql<{ code: string; population: number | null; contour: string | null }>`
      select code, population, contour from qpv
      where code in (select json_array_elements_text(${list}::json))`.execute(trx);
    return new Map(rows.map((r) => [r.code, r]));
  }

  async deleteContours(trx: Transaction<DB>, niveaux: ContourLevel[]): Promise<void> {
    if (niveaux.length > 0) await trx.deleteFrom('contour').where('niveau', 'in', niveaux).execute();
  }

  async count(trx: Transaction<DB>, table: LayerTable): Promise<number> {
    const row = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Refreshes planner statistics after a bulk load. PGlite runs no autovacuum, so without this the
   * planner keeps guessing (e.g. a BitmapAnd over the whole commune primary key for `nature = …`).
   */
  async analyze(tables: (ReplaceableTable | LayerTable)[]): Promise<void> {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(this.db);
  }

  async recordLayer(
    trx: Transaction<DB>,
    layer: { layer: string; vintage: string; source: string; row_count: number },
  ): Promise<void> {
    await trx
      .insertInto('reference_layer')
      .values({ ...layer, loaded_at: new Date() })
      .onConflict((oc) =>
        oc.column('layer').doUpdateSet({
          vintage: layer.vintage,
          source: layer.source,
          row_count: layer.row_count,
          loaded_at: new Date(),
        }),
      )
      .execute();
  }
}
