import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { anonymous, systemActor } from '../src/domain/actor.ts';
import { dynamicListQuery } from '../src/domain/registry/schemas.ts';
import { buildApp } from '../src/http/app.ts';
import { loadCogReference } from './generate/cog.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { latencies, type Summary, summarize, timed } from './lib/stats.ts';
import { asOfQueries, type ListQuery, listQueries } from './registry/queries.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the registry issue, on a 2-core machine. */
export const TARGETS = { import10kMs: 10_000, listP95Ms: 30, asOfP95Ms: 30 };
/** Each list query is measured this many times (after a warm-up pass). */
const ROUNDS = 3;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

const latencyFigures = (prefix: string, s: Summary, target?: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', ...(target ? { target } : {}) },
  { label: `${prefix} p99`, value: s.p99, unit: 'ms' },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

interface ImportResponse {
  valide: boolean;
  lignes: number;
  crees: number;
  erreurs: unknown[];
}

async function postCsv(
  app: FastifyInstance,
  csv: Buffer,
  dryRun: boolean,
  token: string,
): Promise<ImportResponse> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/imports/dynamiques?dryRun=${dryRun}`,
    // Imports need an account since accounts exist: an administrator's API token, as a script sends it.
    headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${token}` },
    payload: csv,
  });
  if (res.statusCode !== 200) throw new Error(`import → ${res.statusCode} ${res.body.slice(0, 500)}`);
  const report = res.json() as ImportResponse;
  if (!report.valide) throw new Error(`import refusé : ${JSON.stringify(report.erreurs.slice(0, 5))}`);
  return report;
}

/** Warm-up pass, then `ROUNDS` measured passes over HTTP; the slowest queries for the notes. */
async function measureList(app: FastifyInstance, queries: ListQuery[]) {
  const get = async (b: ListQuery) => {
    const r = await app.inject({ method: 'GET', url: '/api/dynamiques', query: b.params });
    if (r.statusCode !== 200) throw new Error(`${JSON.stringify(b.params)} → ${r.statusCode} ${r.body}`);
    return (r.json() as { total: number }).total;
  };
  const totals = [];
  for (const b of queries) totals.push(await get(b));
  const rounds = Array.from({ length: ROUNDS }, () => queries).flat();
  const http = await latencies(rounds, get);
  const slowest = rounds
    .map((b, i) => ({ b, ms: http.wall[i] as number }))
    .sort((a, z) => z.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${JSON.stringify(s.b.params)} ${s.ms.toFixed(1)} ms`)
    .join(' ; ');
  const meanTotal = totals.reduce((s, n) => s + n, 0) / Math.max(1, totals.length);
  return { wall: summarize(http.wall), cpu: summarize(http.cpu), slowest, meanTotal, rounds };
}

/**
 * Registry at national scale: the 10,000 dynamics of the dataset imported from one CSV through
 * `POST /api/imports/dynamiques` (the service behind `odts dynamiques import`), then list latencies with
 * varied filters and as-of lists of each région.
 */
export async function runRegistryBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    log('démarrage et référentiel…');
    const { ctx } = await timedStart(target.config);
    const app = await buildApp(ctx);
    try {
      const { dynamics, paths } = loadBenchDataset();
      const csv = fs.readFileSync(paths.dynamicsCsv);
      log(`import CSV de ${dynamics.length} dynamiques (vérification seule)…`);
      const dry = await timed(() =>
        ctx.services.imports.importFile(actor, csv, { dryRun: true, filename: 'dynamiques.csv' }),
      );
      if (!dry.value.valide) throw new Error(JSON.stringify(dry.value.erreurs.slice(0, 5)));
      log('import CSV avec écriture (HTTP)…');
      const { jeton } = await ctx.services.auth.createToken(actor, {
        role: 'administrateur',
        regions: [],
        libelle: 'banc d’essai',
      });
      const imported = await timed(() => postCsv(app, csv, false, jeton));

      const cog = loadCogReference();
      const lists = listQueries(cog, dynamics);
      log(`liste : ${lists.length} requêtes × ${ROUNDS}…`);
      const list = await measureList(app, lists);
      const service = await latencies(lists, (b) =>
        ctx.services.registry.list(anonymous, dynamicListQuery.parse(b.params)),
      );
      const asOf = asOfQueries(cog);
      log(`liste à date par région : ${asOf.length} requêtes × ${ROUNDS}…`);
      const dated = await measureList(app, asOf);

      return {
        bench: 'registry',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Import CSV de ${imported.value.lignes} dynamiques (bench/.data/dynamiques.csv, ${Math.round(csv.length / 1024)} Ko), un fichier, un lot`,
            figures: [
              { label: 'vérification seule (dryRun, service)', value: dry.ms, unit: 'ms' },
              {
                label: `import avec écriture, HTTP (${imported.value.crees} créations)`,
                value: imported.ms,
                unit: 'ms',
                target: TARGETS.import10kMs,
              },
            ],
          },
          {
            title: `Liste filtrée (GET /api/dynamiques) : ${lists.length} requêtes variées × ${ROUNDS}, limit=50, à chaud`,
            figures: [
              ...latencyFigures('HTTP (inject)', list.wall, TARGETS.listP95Ms),
              ...latencyFigures('HTTP, temps CPU de ce processus', list.cpu),
              ...latencyFigures('service, un passage', summarize(service.wall)),
            ],
            notes: [
              `Résultats par requête : ${Math.round(list.meanTotal)} en moyenne.`,
              `Requêtes les plus lentes : ${list.slowest}.`,
            ],
          },
          {
            title: `Liste à date d’une région (region=…&date=…) : ${asOf.length} requêtes × ${ROUNDS}`,
            figures: [
              ...latencyFigures('HTTP (inject)', dated.wall, TARGETS.asOfP95Ms),
              ...latencyFigures('HTTP, temps CPU de ce processus', dated.cpu),
            ],
            notes: [
              `Résultats par requête : ${Math.round(dated.meanTotal)} en moyenne.`,
              `Requêtes les plus lentes : ${dated.slowest}.`,
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
