/**
 * `npx tsx scripts/measure-first-start.ts [--demo 0|1]`: times `preparePlatform` on an empty PGlite data
 * directory (first start: migrations, COG, shipped reference layers, contrats de ville in the registry,
 * demo data unless --demo 0, indexes), then a second start on the same directory. Figures in BENCHMARKS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { preparePlatform } from '../src/platform.ts';

const { values } = parseArgs({ options: { demo: { type: 'string', default: '1' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-first-start-'));
const config = loadConfig({ ODTS_DATA_DIR: dir, ODTS_DEMO: values.demo });
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1).replace('.', ',');
const print = (message: string) => process.stdout.write(`${message}\n`);
// Processor time of this process: the figure that does not depend on what else the machine runs.
const cpu = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return ((used.user + used.system) / 1e6).toFixed(1).replace('.', ',');
};

try {
  const first = performance.now();
  const firstCpu = process.cpuUsage();
  const ctx = await preparePlatform(config, (m) => print(`${seconds(first).padStart(6)} s  ${m}`));
  print(`Premier démarrage : ${seconds(first)} s (processeur : ${cpu(firstCpu)} s)`);
  await ctx.close();
  const second = performance.now();
  const secondCpu = process.cpuUsage();
  const again = await preparePlatform(config, () => {});
  print(`Second démarrage : ${seconds(second)} s (processeur : ${cpu(secondCpu)} s)`);
  await again.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
