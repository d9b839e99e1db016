import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(webDir, '..');
export const WEB_OUT_DIR = path.join(rootDir, 'dist', 'web');

/** Everything the bundle is made of: the web sources and the shared domain code. */
const SOURCES = [
  path.join(webDir, 'src'),
  path.join(webDir, 'build'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(rootDir, 'src', 'domain'),
  path.join(rootDir, 'package-lock.json'),
];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when dist/web exists and is newer than every source file. */
export function webBuildIsCurrent(outDir = WEB_OUT_DIR): boolean {
  const index = path.join(outDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(s) <= built);
}

/** Gzipped copies beside text files, served as they are to browsers that accept them. */
function precompress(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(file);
    else if (/\.(js|mjs|css|html|svg|json|webmanifest)$/.test(entry.name) && fs.statSync(file).size > 1024) {
      fs.writeFileSync(`${file}.gz`, gzipSync(fs.readFileSync(file), { level: 9 }));
    }
  }
}

/**
 * Builds the web application into a temporary folder, then swaps it in: a server running meanwhile
 * keeps serving the previous build until the last moment.
 */
export async function buildWeb(outDir = WEB_OUT_DIR): Promise<void> {
  const { build } = await import('vite');
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  // A build started from the test runner (NODE_ENV=test) must still be the production bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(webDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(tmp);
  const old = `${outDir}.old-${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
      fs.renameSync(tmp, outDir);
      break;
    } catch (error) {
      // Another build swapped its folder in meanwhile: keep the newest, or try once more.
      if (attempt > 0) throw error;
    }
  }
  fs.rmSync(old, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Builds when missing or out of date; returns whether a build ran. */
export async function ensureWebBuild(log: (m: string) => void = () => {}): Promise<boolean> {
  if (webBuildIsCurrent()) return false;
  log('Construction de l’interface web (dist/web)…');
  const started = Date.now();
  await buildWeb();
  log(`Interface web construite en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const log = (m: string) => console.log(m);
  try {
    if (force) {
      log('Construction de l’interface web (dist/web)…');
      await buildWeb();
      log('Interface web construite dans dist/web');
    } else {
      await ensureWebBuild(log);
    }
  } catch (error) {
    console.error('Échec de la construction de l’interface web :', error);
    process.exit(1);
  }
}
