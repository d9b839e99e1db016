import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  commit: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews latencies. */
  load: number;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (modifié)` : sha;
  } catch {
    return 'inconnu';
  }
}

export function describeMachine(): Machine {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'inconnu',
    memoryGb: Math.round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: gitCommit(),
    load: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
