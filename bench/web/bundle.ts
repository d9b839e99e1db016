import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Scripts index.html loads before anything renders (entry and preloaded modules), gzipped. */
  initialJsGzip: number;
  initialFiles: string[];
  /** Largest lazily loaded chunks (map, charts…), gzipped. */
  lazy: { file: string; gzip: number }[];
}

const gz = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Sizes of the built web application (dist/web), as a browser downloads them. */
export function bundleSizes(dir: string): BundleSizes {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) initial.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    initial.add(m[1] as string);
  const initialFiles = [...initial].map((f) => path.join(dir, f));
  const all = fs
    .readdirSync(path.join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, 'assets', f));
  const lazy = all
    .filter((f) => !initialFiles.includes(f))
    .map((f) => ({ file: path.basename(f), gzip: gz(f) }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 4);
  return {
    initialJsGzip: initialFiles.reduce((s, f) => s + gz(f), 0),
    initialFiles: initialFiles.map((f) => path.basename(f)),
    lazy,
  };
}
