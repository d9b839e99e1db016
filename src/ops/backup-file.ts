import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Actor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import type { ProgressReporter } from '../kernel/progress.ts';
import type { BackupService } from './backup.service.ts';
import type { BackupHeader } from './backup-format.ts';

export const GZIP = 'application/gzip';

/** `odts-sauvegarde-2025-03-14T09-30-00.jsonl.gz`: sorts by date, no character a file system refuses. */
export function backupFilename(date = new Date()): string {
  return `odts-sauvegarde-${date.toISOString().slice(0, 19).replaceAll(':', '-')}.jsonl.gz`;
}

/**
 * Writes a gzip'd backup to `target` (a temporary file when absent). The file appears under its name only
 * once complete: an interrupted backup never leaves a file that looks like a good one.
 */
export async function writeBackupFile(
  backups: BackupService,
  actor: Actor,
  options: { target?: string; progress?: ProgressReporter } = {},
): Promise<{ path: string; filename: string; header: BackupHeader }> {
  const filename = backupFilename();
  const target =
    options.target ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-sauvegarde-')), filename);
  const partial = `${target}.partiel`;
  const gzip = zlib.createGzip({ level: 6 });
  const written = pipeline(gzip, fs.createWriteStream(partial));
  try {
    const header = await backups.backup(actor, gzip, options.progress);
    gzip.end();
    await written;
    fs.renameSync(partial, target);
    return { path: target, filename, header };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The text of a backup file, gunzipped as it is read. */
export function readBackupFile(file: string): Readable {
  if (!fs.existsSync(file)) throw invalid(`Fichier de sauvegarde introuvable : ${file}`);
  const gunzip = zlib.createGunzip();
  // A read error ends the gunzip stream with that error, which the reader of the text then sees.
  pipeline(fs.createReadStream(file), gunzip).catch(() => {});
  return gunzip;
}

/** Saves a backup downloaded from a server (`GET /api/sauvegarde`) under `target`, the same way. */
export async function saveDownloadedBackup(body: Readable, target: string): Promise<void> {
  const partial = `${target}.partiel`;
  try {
    await pipeline(body, fs.createWriteStream(partial));
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
