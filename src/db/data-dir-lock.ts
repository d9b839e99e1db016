import fs from 'node:fs';
import { AppError } from '../domain/errors.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockFileOf = (dir: string) => `${dir.replace(/[/\\]+$/, '')}.lock`;

/** The PID of the running process that holds the directory, or null (free, or left by a dead process). */
export function dataDirOwner(dir: string): number | null {
  let owner: number;
  try {
    owner = Number.parseInt(fs.readFileSync(lockFileOf(dir), 'utf8'), 10);
  } catch {
    return null;
  }
  return Number.isInteger(owner) && owner !== process.pid && alive(owner) ? owner : null;
}

/**
 * One process at a time owns an embedded database directory: PGlite keeps its pages in memory and writes
 * them back on its own schedule, so a second process writing the same files loses both writers' changes
 * (and can leave the directory unreadable). The lock is a file beside the directory holding the owner's
 * PID; a lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = lockFileOf(dir);
  const mine = `${process.pid}\n`;
  try {
    fs.writeFileSync(file, mine, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const owner = dataDirOwner(dir);
    if (owner !== null) {
      throw new AppError(
        'conflict',
        `La base embarquée ${dir} est déjà ouverte par un autre processus (PID ${owner}, sans doute le ` +
          'serveur). Un seul programme peut l’ouvrir à la fois : arrêtez le serveur avant cette commande, ou ' +
          'faites la modification par l’API avec un jeton (odts tokens create, puis Authorization: Bearer).',
      );
    }
    fs.writeFileSync(file, mine);
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
