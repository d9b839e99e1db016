import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import { openContext } from '../context.ts';
import { dataDirOwner } from '../db/data-dir-lock.ts';
import { systemActor } from '../domain/actor.ts';
import { AppError, conflict, unavailable } from '../domain/errors.ts';
import { readBackupFile, saveDownloadedBackup, writeBackupFile } from '../ops/backup-file.ts';
import type { BackupHeader } from '../ops/backup-format.ts';
import { progressBar } from './progress-bar.ts';

const actor = systemActor('cli');
const fr = (n: number) => n.toLocaleString('fr-FR');
const megabytes = (file: string) =>
  (fs.statSync(file).size / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function describe(header: BackupHeader): string {
  const rows = header.tables.reduce((sum, t) => sum + t.lignes, 0);
  const engine = header.moteur === 'pglite' ? 'base embarquée' : 'serveur PostgreSQL';
  return `${header.tables.length} tables, ${fr(rows)} lignes, migration ${header.migration}, ${engine}`;
}

/** The server holding the embedded database, when there is one: a backup must then go through it. */
function serverOwner(config: Config): number | null {
  return config.DATABASE_URL ? null : dataDirOwner(config.pgliteDir);
}

async function downloadBackup(server: string, token: string | undefined, file: string): Promise<void> {
  if (!token) {
    throw new AppError(
      'unauthenticated',
      'Jeton manquant : --jeton JETON (ou ODTS_TOKEN), d’un compte administrateur',
    );
  }
  const url = new URL('/api/sauvegarde', server);
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw unavailable(`Serveur injoignable à ${url.origin} (${(error as Error).message})`);
  }
  if (!res.ok || !res.body) {
    const answer = (await res.json().catch(() => ({}))) as { erreur?: string };
    throw unavailable(
      `Le serveur a refusé la sauvegarde (HTTP ${res.status}) : ${answer.erreur ?? res.statusText}`,
    );
  }
  await saveDownloadedBackup(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), file);
  console.log(`Sauvegarde écrite par le serveur ${url.origin} : ${file} (${megabytes(file)} Mo)`);
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('Sauvegarde toute la base dans un fichier (cohérent même pendant que le serveur écrit)')
    .argument('<fichier>', 'fichier à écrire, par exemple sauvegarde.jsonl.gz')
    .option(
      '--serveur <url>',
      'passe par ce serveur en marche (sinon ODTS_URL), par exemple http://localhost:3000',
    )
    .option('--jeton <jeton>', 'jeton d’API d’un compte administrateur pour --serveur (sinon ODTS_TOKEN)')
    .action(async (file: string, opts: { serveur?: string; jeton?: string }) => {
      const server = opts.serveur ?? process.env.ODTS_URL;
      if (server) return downloadBackup(server, opts.jeton ?? process.env.ODTS_TOKEN, file);
      const config = loadConfig();
      const owner = serverOwner(config);
      if (owner !== null) {
        throw conflict(
          `La base embarquée ${config.pgliteDir} est tenue par le serveur (PID ${owner}) : aucun autre ` +
            'programme ne peut l’ouvrir. Deux possibilités : sauvegarder par le serveur, sans l’arrêter, avec ' +
            'odts backup FICHIER --serveur URL --jeton JETON (ou ODTS_URL et ODTS_TOKEN ; jeton d’un compte ' +
            'administrateur), ou arrêter le serveur puis relancer odts backup FICHIER.',
        );
      }
      const ctx = await openContext(config);
      const bar = progressBar();
      try {
        const { header } = await writeBackupFile(ctx.services.backups, actor, {
          target: file,
          progress: bar.report,
        });
        bar.stop();
        console.log(`Sauvegarde écrite : ${file} (${megabytes(file)} Mo ; ${describe(header)})`);
      } finally {
        bar.stop();
        await ctx.close();
      }
    });

  program
    .command('restore')
    .description('Remplace toute la base par le contenu d’une sauvegarde (tout ou rien ; serveur arrêté)')
    .argument('<fichier>', 'fichier écrit par odts backup')
    .action(async (file: string) => {
      const config = loadConfig();
      const owner = serverOwner(config);
      if (owner !== null) {
        throw conflict(
          `La base embarquée ${config.pgliteDir} est tenue par le serveur (PID ${owner}). Une restauration ` +
            'remplace toute la base : arrêtez d’abord le serveur, lancez odts restore FICHIER, puis redémarrez-le.',
        );
      }
      const text = readBackupFile(file);
      const ctx = await openContext(config);
      const bar = progressBar();
      try {
        const summary = await ctx.services.backups.restore(actor, text, bar.report);
        bar.stop();
        const newer = summary.migrationsAppliquees;
        console.log(
          `Restauration terminée depuis ${file} : ${describe(summary.header)} (sauvegarde du ${summary.header.date}).`,
        );
        if (newer.length > 0) console.log(`Migrations appliquées ensuite : ${newer.join(', ')}.`);
        if (config.DATABASE_URL) {
          console.log(
            'Redémarrez les serveurs qui utilisent cette base : ils gardent en mémoire l’état d’avant.',
          );
        }
      } finally {
        bar.stop();
        text.destroy();
        await ctx.close();
      }
    });
}
