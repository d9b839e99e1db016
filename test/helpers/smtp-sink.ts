import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmtpSink {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Starts the SMTP sink process on a free loopback port; messages land as `.eml` files in `dir`. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-smtp-'));
  const script = path.join(import.meta.dirname, 'smtp-sink-process.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serveur SMTP de test arrêté (code ${code})`)));
    child.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
