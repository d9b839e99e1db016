import { buildApp } from '../src/http/app.ts';
import { loadCogReference } from './generate/cog.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import type { Summary } from './lib/stats.ts';
import { detailPaths, measureDetails } from './territories/detail.ts';
import { territoryQueries } from './territories/queries.ts';
import { measureSearch } from './territories/search.ts';
import { type StartupTimes, timedStart } from './territories/startup.ts';

/** Targets of the foundation issue, on a 2-core machine. */
export const TARGETS = { firstStartMs: 30_000, searchP95Ms: 10, detailP95Ms: 10 };

const log = (message: string) => console.error(`· ${message}`);

function startupFigures(t: StartupTimes, target?: number): Figure[] {
  return [
    { label: 'ouverture de la base', value: t.open, unit: 'ms' },
    { label: 'migrations', value: t.migrate, unit: 'ms' },
    {
      label: t.skipped ? 'référentiel (déjà chargé : sauté)' : `référentiel COG (${t.communes} communes)`,
      value: t.reference,
      unit: 'ms',
    },
    { label: 'migration des communes fusionnées', value: t.mergedCommunes, unit: 'ms' },
    { label: 'couches manquantes', value: t.missingLayers, unit: 'ms' },
    { label: 'index de recherche en mémoire', value: t.warm, unit: 'ms' },
    { label: '**total**', value: t.total, unit: 'ms', ...(target ? { target } : {}) },
  ];
}

const latencyFigures = (prefix: string, s: Summary, target: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', target },
  { label: `${prefix} p99`, value: s.p99, unit: 'ms' },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

/** Reference import on first and second start, territory search and detail latencies. */
export async function runTerritoriesBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    log('premier démarrage (base vide)…');
    const first = await timedStart(target.config);
    await first.ctx.close();
    log('second démarrage (base existante)…');
    const second = await timedStart(target.config);
    const { ctx } = second;
    const app = await buildApp(ctx);
    try {
      const cog = loadCogReference();
      const queries = territoryQueries(cog);
      log(`recherche : ${queries.length} requêtes…`);
      const search = await measureSearch(ctx.services.territories, app, queries);
      const details = [];
      for (const [type, paths] of Object.entries(detailPaths(cog))) {
        log(`fiches ${type} : ${paths.length}…`);
        details.push(await measureDetails(app, type, paths));
      }
      return {
        bench: 'territories',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: 'Premier démarrage : base vide, chargement du référentiel',
            figures: startupFigures(first.times, TARGETS.firstStartMs),
          },
          { title: 'Second démarrage : base existante', figures: startupFigures(second.times) },
          {
            title: `Recherche de territoires : ${queries.length} requêtes variées, limit=10, à chaud`,
            figures: [
              ...latencyFigures('service', search.service, TARGETS.searchP95Ms),
              { label: 'service p95, temps CPU', value: search.serviceCpu.p95, unit: 'ms' },
              ...latencyFigures('HTTP (inject)', search.http, TARGETS.searchP95Ms),
              { label: 'HTTP (inject) p95, temps CPU', value: search.httpCpu.p95, unit: 'ms' },
              { label: 'territoire attendu en 1re position', value: search.top1 * 100, unit: '%' },
              { label: 'territoire attendu dans les 10 premiers', value: search.top10 * 100, unit: '%' },
            ],
            notes: [
              `Requêtes les plus lentes (HTTP) : ${search.slowest.map((s) => `« ${s.q} » ${s.ms.toFixed(2)} ms`).join(' ; ')}.`,
              `Attendu absent des 10 premiers, par sorte de requête : ${
                Object.entries(search.missesByKind)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' ; ') || 'aucun'
              }.`,
            ],
          },
          {
            title: 'Fiche territoire (HTTP inject), à chaud',
            figures: details.flatMap((d) => [
              {
                label: `${d.type} p50 (${d.paths.length} fiches, ${d.summary.n} appels)`,
                value: d.summary.p50,
                unit: 'ms' as const,
              },
              {
                label: `${d.type} p95`,
                value: d.summary.p95,
                unit: 'ms' as const,
                target: TARGETS.detailP95Ms,
              },
              { label: `${d.type} p99`, value: d.summary.p99, unit: 'ms' as const },
              { label: `${d.type} p95, temps CPU`, value: d.cpu.p95, unit: 'ms' as const },
            ]),
            notes: [
              `Enfants listés en moyenne : ${details.map((d) => `${d.type} ${d.meanChildren.toFixed(0)}`).join(', ')}.`,
            ],
          },
        ],
      };
    } finally {
      await app.close();
      await ctx.close();
    }
  } finally {
    await target.cleanup();
  }
}
