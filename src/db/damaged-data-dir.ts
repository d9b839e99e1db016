import { AppError } from '../domain/errors.ts';

/**
 * What an operator reads when PGlite cannot open its directory (files truncated or overwritten, a disk
 * that filled up): the engine only says `Aborted()`, which names neither the directory nor a way out.
 */
export function damagedDataDir(dir: string, cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message.split('.')[0] : String(cause);
  return new AppError(
    'unavailable',
    `La base embarquée ${dir} ne peut pas être ouverte : ses fichiers sont endommagés ou illisibles ` +
      `(PGlite : ${detail}). Pour repartir de la dernière sauvegarde : déplacez ce dossier de côté ` +
      `(mv ${dir} ${dir}.endommagee), puis lancez odts restore FICHIER, qui recrée la base à partir du ` +
      'fichier. Sans sauvegarde, gardez le dossier déplacé (ses données peuvent encore être récupérées ' +
      'par un spécialiste de PostgreSQL) : le prochain démarrage créera une base neuve.',
  );
}
