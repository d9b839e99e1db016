import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureTemplate } from './template.ts';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/cli.ts …` in a child process and answers its exit code and output, never throwing. */
export async function odts(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env,
      timeout: 170_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Starts `tsx src/cli.ts …` without waiting, output collected, for a test that stops or kills it. */
export function spawnOdts(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });
  const output: string[] = [];
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  return { child, output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A data folder whose embedded database holds the reference (the test template), ready for a process. */
export async function dataDirWithReference(): Promise<string> {
  const template = await ensureTemplate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-proc-'));
  const pgliteDir = path.join(dataDir, 'pglite');
  fs.mkdirSync(pgliteDir);
  // The template is PGlite's own dump (a tar): unpacked, it is a data directory.
  await run('tar', ['xzf', template, '-C', pgliteDir]);
  return dataDir;
}

/** Waits until `check` holds, polling; fails after `limitMs`. */
export async function until(check: () => boolean | Promise<boolean>, limitMs = 150_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition jamais atteinte');
    await new Promise((r) => setTimeout(r, 25));
  }
}
