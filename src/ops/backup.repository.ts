import { type Kysely, sql, type Transaction } from 'kysely';
import { applyMigrations, type MigrationFile } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';

export interface TableShape {
  name: string;
  columns: string[];
  /** Primary key columns, or every column for a table without one: the order rows are written in. */
  orderBy: string[];
}

const ident = (name: string) => sql.id(name);
const ROWS_PER_FETCH = 500;

/**
 * The only SQL of backups and restores. Tables are discovered from the catalog rather than listed, so a
 * table added by a migration is saved without anyone remembering to add it here.
 */
export class BackupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs `fn` on one snapshot of the whole database that no write can change (REPEATABLE READ). */
  snapshot<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        return fn(trx);
      });
  }

  /** Runs `fn` in one read-write transaction: a restore is all or nothing. */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Highest migration applied, 0 on a database never migrated. */
  async migrationLevel(trx: Kysely<DB>): Promise<number> {
    const exists = await sql<{ found: boolean }>`
      select to_regclass('schema_migration') is not null as found`.execute(trx);
    if (!exists.rows[0]?.found) return 0;
    const row = await trx
      .selectFrom('schema_migration')
      .select((eb) => eb.fn.max('version').as('level'))
      .executeTakeFirst();
    return Number(row?.level ?? 0);
  }

  /** Every table of the schema, parents before the tables whose foreign keys point at them. */
  async tables(trx: Kysely<DB>): Promise<TableShape[]> {
    const columns = await sql<{ table: string; column: string; key: boolean }>`
      select c.relname as table, a.attname as column,
        coalesce(a.attnum = any(i.indkey::int2[]), false) as key
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_index i on i.indrelid = c.oid and i.indisprimary
      where n.nspname = current_schema() and c.relkind = 'r'
      order by c.relname, a.attnum`.execute(trx);
    const links = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and c.oid <> p.oid`.execute(trx);
    const shapes = new Map<string, TableShape & { keys: string[] }>();
    for (const r of columns.rows) {
      const shape = shapes.get(r.table) ?? { name: r.table, columns: [], orderBy: [], keys: [] };
      shape.columns.push(r.column);
      if (r.key) shape.keys.push(r.column);
      shapes.set(r.table, shape);
    }
    const ordered = dependencyOrder([...shapes.keys()], links.rows);
    return ordered.map((name) => {
      const { keys, ...shape } = shapes.get(name) as TableShape & { keys: string[] };
      return { ...shape, orderBy: keys.length > 0 ? keys : shape.columns };
    });
  }

  async countRows(trx: Kysely<DB>, table: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${ident(table)}`.execute(trx);
    return r.rows[0]?.n ?? 0;
  }

  /** The rows of a table as JSON text, in key order, a batch at a time through a cursor. */
  async *rows(trx: Kysely<DB>, table: TableShape): AsyncGenerator<string[]> {
    const order = sql.join(table.orderBy.map(ident));
    await sql`declare odts_backup no scroll cursor for
      select to_jsonb(t)::text as r from ${ident(table.name)} as t order by ${order}`.execute(trx);
    try {
      for (;;) {
        const batch = await sql<{
          r: string;
        }>`fetch forward ${sql.raw(String(ROWS_PER_FETCH))} from odts_backup`.execute(trx);
        if (batch.rows.length === 0) break;
        yield batch.rows.map((row) => row.r);
      }
    } finally {
      await sql`close odts_backup`.execute(trx);
    }
  }

  /**
   * Removes every table of the schema and the functions the migrations created (those of extensions stay),
   * so that the migrations can rebuild the schema at the level of the file being restored.
   */
  async dropSchemaObjects(trx: Kysely<DB>): Promise<void> {
    const tables = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'`.execute(trx);
    if (tables.rows.length > 0) {
      await sql`drop table ${sql.join(tables.rows.map((t) => ident(t.name)))} cascade`.execute(trx);
    }
    const functions = await sql<{ signature: string }>`
      select p.oid::regprocedure::text as signature
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = current_schema()
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`.execute(trx);
    for (const f of functions.rows) await sql`drop function ${sql.raw(f.signature)} cascade`.execute(trx);
  }

  migrate(trx: Kysely<DB>, upTo?: number): Promise<MigrationFile[]> {
    return applyMigrations(trx, upTo === undefined ? {} : { upTo });
  }

  /**
   * Empties the tables (rows the migrations seeded included) with their triggers off: restored rows are
   * copied as they were, not counted or stamped a second time by the triggers that keep derived counters.
   */
  async emptyForRestore(trx: Kysely<DB>, tables: string[]): Promise<void> {
    for (const t of tables) await sql`alter table ${ident(t)} disable trigger user`.execute(trx);
    await sql`truncate ${sql.join(tables.map(ident))}`.execute(trx);
  }

  async enableTriggers(trx: Kysely<DB>, tables: string[]): Promise<void> {
    for (const t of tables) await sql`alter table ${ident(t)} enable trigger user`.execute(trx);
  }

  /** Inserts rows given as JSON object text; the database parses each value with its column's type. */
  async insertRows(trx: Kysely<DB>, table: string, columns: string[], rows: string[]): Promise<void> {
    const list = sql.join(columns.map(ident));
    await sql`insert into ${ident(table)} (${list})
      select ${list} from json_populate_recordset(null::${ident(table)}, ${`[${rows.join(',')}]`}::json)`.execute(
      trx,
    );
  }

  /** Puts every serial column's sequence after the largest value restored. */
  async resetSequences(trx: Kysely<DB>): Promise<void> {
    const serials = await sql<{ table: string; column: string; sequence: string }>`
      select c.relname as table, a.attname as column,
        pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = current_schema() and c.relkind = 'r'
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(trx);
    for (const s of serials.rows) {
      await sql`select setval(${s.sequence}::regclass,
        coalesce((select max(${ident(s.column)}) from ${ident(s.table)}), 0) + 1, false)`.execute(trx);
    }
  }

  /** Planner statistics after a bulk load (PGlite has no autovacuum: ARCHITECTURE.md). */
  async analyze(): Promise<void> {
    await sql`analyze`.execute(this.db);
  }
}

/** Tables ordered so that a table comes after every table it references (no cycles in this schema). */
export function dependencyOrder(tables: string[], links: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const l of links) parents.get(l.child)?.add(l.parent);
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p, path);
    done.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return out;
}
