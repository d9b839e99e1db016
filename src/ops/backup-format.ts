import { invalid } from '../domain/errors.ts';
import { z } from '../domain/zod-fr.ts';

/**
 * A backup file is gzip'd text, one JSON value per line:
 *   1. the header (below);
 *   2. for each table of the header, in its order: `{"table": name}` then exactly `lignes` rows, each the
 *      row as PostgreSQL's `to_jsonb` writes it (values stay text from the database to the file and back,
 *      so a bigint or a timestamp never goes through a JavaScript number or Date);
 *   3. `{"fin": true}`, so a file cut short is told from a complete one even when gzip does not notice.
 */
export const BACKUP_FORMAT = 'odts-sauvegarde';
export const BACKUP_FORMAT_VERSION = 1;

const tableHeader = z.object({
  nom: z.string().min(1),
  colonnes: z.array(z.string().min(1)).min(1),
  lignes: z.number().int().min(0),
});
export type BackupTable = z.infer<typeof tableHeader>;

export const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  /** Highest migration applied to the database saved: a restore rebuilds the schema at that level. */
  migration: z.number().int().min(0),
  date: z.string(),
  moteur: z.enum(['pglite', 'postgres']),
  tables: z.array(tableHeader),
});
export type BackupHeader = z.infer<typeof backupHeader>;

export const tableMarker = (table: string) => JSON.stringify({ table });
export const END_MARKER = JSON.stringify({ fin: true });

const unreadable = (why: string) =>
  invalid(`Fichier de sauvegarde illisible : ${why}. Vérifiez qu’il a été produit par odts backup.`);

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw unreadable('il est vide');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw unreadable('la première ligne n’est pas un en-tête de sauvegarde');
  }
  const parsed = backupHeader.safeParse(value);
  if (!parsed.success) throw unreadable('en-tête inconnu ou d’une version de format non prise en charge');
  return parsed.data;
}

export function requireLine(line: string | undefined, where: string): string {
  if (line === undefined) throw unreadable(`il s’arrête avant la fin (${where})`);
  return line;
}

export function expectLine(actual: string | undefined, expected: string, where: string): void {
  if (requireLine(actual, where) !== expected) throw unreadable(`contenu inattendu (${where})`);
}

/**
 * The lines of a text stream. A stream error (a gzip file cut short) is thrown to the loop, which readline's
 * iterator does not guarantee; long lines (a contour geometry) are fine.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let pending = '';
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    throw unreadable(`fichier tronqué ou qui n’est pas compressé par gzip (${(error as Error).message})`);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending;
}
