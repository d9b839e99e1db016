import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes `value` as compact JSON, gzip-compressed. Node's gzip header carries no file name and a zero
 * time, so the same value gives the same bytes on every run.
 */
export function writeGzipJson(dir: string, name: string, value: unknown): { content: Buffer; bytes: Buffer } {
  const content = Buffer.from(JSON.stringify(value));
  const bytes = zlib.gzipSync(content, { level: 9 });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
  return { content, bytes };
}

/** Pretty JSON with a final newline, for the manifest people read and diff. */
export function writeJson(dir: string, name: string, value: unknown): void {
  fs.writeFileSync(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}
