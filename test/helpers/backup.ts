import fs from 'node:fs';
import zlib from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** Every row of every table of the schema as JSON text, sorted: two databases compare row by row. */
export async function allRows(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by 1`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ r: string }>`select to_jsonb(t)::text as r from ${sql.id(name)} as t`.execute(
      db,
    );
    out[name] = rows.rows.map((row) => row.r).sort();
  }
  return out;
}

/** The lines of a backup file, gunzipped. */
export function backupLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
}

export function writeBackupLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));
}

/** The rows of one table in a backup file, parsed. */
export function tableRows(lines: string[], table: string): Record<string, unknown>[] {
  const header = JSON.parse(lines[0] as string) as { tables: { nom: string; lignes: number }[] };
  let at = 1;
  for (const t of header.tables) {
    if (t.nom === table) return lines.slice(at + 1, at + 1 + t.lignes).map((l) => JSON.parse(l));
    at += 1 + t.lignes;
  }
  throw new Error(`table absente de la sauvegarde : ${table}`);
}
