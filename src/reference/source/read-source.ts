import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { invalid, unavailable } from '../../domain/errors.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import { isZip, zipEntries } from './unzip.ts';

/** How to get a layer by hand when its default download fails (no internet on the machine). */
export interface SourceHelp {
  /** CLI command that imports the layer, e.g. `reference import qpv`. */
  command: string;
  /** Page of the official publication, to download the file from a connected machine. */
  page: string;
}

export interface LoadedSource {
  /** As given: path or URL. */
  source: string;
  /** File name (inside the archive when the source was zipped): hints the format and the level. */
  name: string;
  bytes: Buffer;
}

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
// Inside an archive, the first data file in this order is read.
const DATA_EXTENSIONS = ['.topojson', '.geojson', '.json', '.csv'];

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Reads a local file or downloads a URL, then unwraps gzip and ZIP. */
export async function readSource(
  source: string,
  help: SourceHelp,
  progress?: ProgressReporter,
): Promise<LoadedSource> {
  const raw = isUrl(source) ? await download(source, help, progress) : await readLocal(source);
  const name = path.basename(isUrl(source) ? new URL(source).pathname : source);
  return unwrap({ source, name, bytes: raw });
}

async function readLocal(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(path.resolve(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`Fichier introuvable : ${path.resolve(file)}`);
    if (code === 'EISDIR') throw invalid(`${path.resolve(file)} est un dossier : indiquez un fichier`);
    throw invalid(`Lecture impossible de ${file} : ${(error as Error).message}`);
  }
}

const fetchOnce = (url: string) => fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });

function droppedConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET';
}

async function download(url: string, help: SourceHelp, progress?: ProgressReporter): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetchOnce(url).catch((error: unknown) => {
      // A kept-alive connection the server closed meanwhile fails at once: one new attempt is enough.
      if (droppedConnection(error)) return fetchOnce(url);
      throw error;
    });
  } catch (error) {
    throw unavailable(downloadFailure(url, describeCause(error), help));
  }
  if (!response.ok || !response.body) {
    throw unavailable(downloadFailure(url, `réponse HTTP ${response.status}`, help));
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Buffer[] = [];
  let done = 0;
  try {
    for await (const chunk of response.body) {
      chunks.push(Buffer.from(chunk));
      done += chunk.length;
      if (total > 0) progress?.({ step: 'téléchargement', done: Math.min(done, total), total });
    }
  } catch (error) {
    throw unavailable(downloadFailure(url, `téléchargement interrompu (${describeCause(error)})`, help));
  }
  return Buffer.concat(chunks);
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN')
    return 'serveur introuvable, pas d’accès à internet ?';
  if (cause?.code === 'ECONNREFUSED') return 'connexion refusée';
  if ((error as Error).name === 'TimeoutError') return 'délai dépassé';
  return cause?.message ?? (error as Error).message;
}

function downloadFailure(url: string, cause: string, help: SourceHelp): string {
  return [
    `Téléchargement impossible : ${url} (${cause}).`,
    `Sans accès à internet, récupérez le fichier depuis une machine connectée (${help.page}),`,
    'puis importez-le depuis le disque :',
    `  npm run odts -- ${help.command} chemin/vers/le-fichier`,
  ].join('\n');
}

function unwrap(loaded: LoadedSource): LoadedSource {
  const { bytes } = loaded;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return unwrap({ ...loaded, name: loaded.name.replace(/\.gz$/i, ''), bytes: zlib.gunzipSync(bytes) });
  }
  if (isZip(bytes)) {
    const entries = zipEntries(bytes).filter((e) => !e.name.startsWith('__MACOSX/') && !e.name.endsWith('/'));
    for (const ext of DATA_EXTENSIONS) {
      const entry = entries.find((e) => e.name.toLowerCase().endsWith(ext));
      if (entry) return { ...loaded, name: path.basename(entry.name), bytes: entry.read() };
    }
    throw invalid(
      `L’archive ${loaded.name} ne contient aucun fichier ${DATA_EXTENSIONS.join(', ')} ; ` +
        `fichiers présents : ${entries.map((e) => e.name).join(', ') || 'aucun'}`,
    );
  }
  return loaded;
}
