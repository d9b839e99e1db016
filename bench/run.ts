import type { BenchReport } from './lib/report.ts';
import { missedTargets, renderReport, saveReport } from './lib/report.ts';

/**
 * `npm run bench [-- name…] [-- --strict]`: runs the benchmarks (all by default), prints their figures
 * as Markdown and keeps them in bench/.data/results/. With --strict, a missed target fails the command.
 */
const BENCHES: Record<string, () => Promise<BenchReport>> = {
  territories: async () => (await import('./territories.bench.ts')).runTerritoriesBench(),
  ressources: async () => (await import('./resources.bench.ts')).runResourcesBench(),
  report: async () => (await import('./report.bench.ts')).runReportBench(),
  selections: async () => (await import('./selections.bench.ts')).runSelectionsBench(),
  web: async () => (await import('./web.bench.ts')).runWebBench(),
  registry: async () => (await import('./registry.bench.ts')).runRegistryBench(),
  analytics: async () => (await import('./analytics.bench.ts')).runAnalyticsBench(),
  load: async () => (await import('./load.bench.ts')).runLoadBench(),
  ecritures: async () => (await import('./writes.bench.ts')).runWritesBench(),
  actions: async () => (await import('./actions.bench.ts')).runActionsBench(),
  campagnes: async () => (await import('./campaigns.bench.ts')).runCampaignsBench(),
};

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`Banc inconnu : ${unknown.join(', ')} (disponibles : ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}

let missed = 0;
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  const report = await (BENCHES[name] as () => Promise<BenchReport>)();
  console.log(renderReport(report));
  const file = saveReport(report);
  const misses = missedTargets(report);
  missed += misses.length;
  console.error(`Résultats enregistrés dans ${file}`);
  for (const f of misses)
    console.error(
      `✗ cible manquée : ${f.label} = ${f.value.toFixed(2)} ${f.atLeast ? '<' : '>'} ${f.target}`,
    );
}
if (strict && missed > 0) process.exitCode = 1;
