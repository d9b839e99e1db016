import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { EngineConfig } from '../lib/engine.ts';

export interface ServerProcess {
  base: string;
  pid: number;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms. */
function cpuOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * `src/main.ts` as operators run it, in its own process, on the prepared database: the server listens
 * on a free local port and autocannon, in the benchmark's process, sends it requests.
 */
export async function startServer(
  config: EngineConfig,
  options: { cpuProfileDir?: string | undefined; log: (m: string) => void },
): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx'];
  if (options.cpuProfileDir) args.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  args.push('src/main.ts');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ODTS_DEMO: '0',
      DATABASE_URL: config.DATABASE_URL ?? '',
      ...(config.DATABASE_URL ? {} : { ODTS_DATA_DIR: path.dirname(config.pgliteDir) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('prêt sur')) resolve();
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`serveur arrêté (code ${code}) :\n${output}`)));
  });
  await ready;
  options.log(`serveur prêt (processus ${child.pid}, port ${port})`);
  const pid = child.pid as number;
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    cpuMs: () => cpuOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGINT: main.ts closes the app and the database, and node writes the CPU profile.
        child.kill('SIGINT');
      }),
  };
}
