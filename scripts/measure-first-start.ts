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

try {
  const first = performance.now();
  const ctx = await preparePlatform(config, (m) => print(`${seconds(first).padStart(6)} s  ${m}`));
  print(`Premier démarrage : ${seconds(first)} s`);
  await ctx.close();
  const second = performance.now();
  const again = await preparePlatform(config, () => {});
  print(`Second démarrage : ${seconds(second)} s`);
  await again.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
