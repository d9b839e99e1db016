import fs from 'node:fs';
import { openContext } from '../src/context.ts';
import { migrate } from '../src/db/migrate.ts';
import { anonymous, systemActor } from '../src/domain/actor.ts';
import { noticeSearchQuery } from '../src/domain/resources/schemas.ts';
import { buildApp } from '../src/http/app.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { latencies, type Summary, summarize, timed } from './lib/stats.ts';
import { benchNoticeInput, loadNotices } from './resources/load.ts';
import { RESOURCE_QUERIES } from './resources/queries.ts';

/** Targets of the resource centre issue, on a 2-core machine. */
export const TARGETS = { searchP95Ms: 25, risImport10kMs: 15_000 };
/** Each query is measured this many times (after a warm-up pass). */
const ROUNDS = 5;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

const latencyFigures = (prefix: string, s: Summary, target?: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', ...(target ? { target } : {}) },
  { label: `${prefix} p99`, value: s.p99, unit: 'ms' },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

/**
 * Bibliographic base at national scale: import of the 10,000 RIS records, load up to 50,000 notices,
 * build of the in-memory search index, then search latencies (facets included) through the service and
 * the HTTP application.
 */
export async function runResourcesBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    const ctx = await openContext(target.config);
    await migrate(ctx.database.db);
    const app = await buildApp(ctx);
    try {
      const { notices, paths } = loadBenchDataset();
      const res = ctx.services.resources;
      const ris = fs.readFileSync(paths.noticesRis);
      log('import RIS (vérification seule)…');
      const dry = await timed(() =>
        res.imports.importFile(actor, ris, { format: 'ris', dryRun: true, doublons: 'ignorer' }),
      );
      log('import RIS…');
      const imported = await timed(() =>
        res.imports.importFile(actor, ris, { format: 'ris', dryRun: false, doublons: 'ignorer' }),
      );
      if (!imported.value.valide) throw new Error(JSON.stringify(imported.value.erreurs.slice(0, 5)));
      const risCount = imported.value.crees;
      log(`chargement des ${notices.length - risCount} autres notices…`);
      const load = await timed(() => loadNotices(ctx, actor, notices.slice(risCount), log));
      log('index de recherche en mémoire…');
      const warm = await timed(() => res.search.warm());

      const queries = RESOURCE_QUERIES.map((b) => ({ ...b, query: noticeSearchQuery.parse(b.params) }));
      const viaService = (b: (typeof queries)[number]) => res.search.search(anonymous, b.query);
      const viaHttp = async (b: (typeof queries)[number]) => {
        const r = await app.inject({ method: 'GET', url: '/api/ressources', query: b.params });
        if (r.statusCode !== 200) throw new Error(`${JSON.stringify(b.params)} → ${r.statusCode} ${r.body}`);
      };
      log(`recherche : ${queries.length} requêtes × ${ROUNDS}…`);
      const cold = await latencies(queries, viaHttp);
      const rounds = Array.from({ length: ROUNDS }, () => queries).flat();
      const service = await latencies(rounds, viaService);
      const http = await latencies(rounds, viaHttp);
      const totals = await Promise.all(queries.map(async (b) => ({ b, total: (await viaService(b)).total })));
      const slowest = rounds
        .map((b, i) => ({ b, ms: http.wall[i] as number }))
        .sort((a, z) => z.ms - a.ms)
        .slice(0, 5);

      log('recherche juste après une écriture…');
      const afterWrite: number[] = [];
      for (let i = 0; i < 20; i++) {
        await res.notices.create(
          actor,
          benchNoticeInput({ ...(notices[i] as (typeof notices)[number]), id: `x${i}` }),
        );
        afterWrite.push(
          (await timed(() => viaService(queries[i % queries.length] as (typeof queries)[number]))).ms,
        );
      }
      log('export RIS d’une sélection filtrée…');
      const exportQuery = { format: 'ris' as const, dispositif: ['CPTS' as const], tri: 'date' as const };
      const exported = await timed(() => res.exports.export(actor, exportQuery));
      const exportedCount = exported.value.body.split('\nER  - ').length - 1;

      return {
        bench: 'ressources',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Import RIS de ${risCount} notices (bench/.data/notices.ris), tout ou rien, un lot`,
            figures: [
              { label: 'vérification seule (dryRun)', value: dry.ms, unit: 'ms' },
              {
                label: 'import avec écriture',
                value: imported.ms,
                unit: 'ms',
                target: TARGETS.risImport10kMs,
              },
            ],
          },
          {
            title: `Chargement et index : ${notices.length} notices`,
            figures: [
              {
                label: `création de ${notices.length - risCount} notices par lots de 5 000`,
                value: load.ms,
                unit: 'ms',
              },
              { label: 'construction de l’index de recherche en mémoire', value: warm.ms, unit: 'ms' },
              {
                label: 'mémoire du processus après chargement (RSS)',
                value: process.memoryUsage().rss / 1e6,
                unit: '',
              },
            ],
            notes: ['Mémoire en Mo.'],
          },
          {
            title: `Recherche avec facettes : ${queries.length} requêtes variées × ${ROUNDS}, limit=20, à chaud`,
            figures: [
              ...latencyFigures('service', summarize(service.wall)),
              ...latencyFigures('HTTP (inject)', summarize(http.wall), TARGETS.searchP95Ms),
              ...latencyFigures(
                'HTTP, temps CPU de ce processus (PGlite compris, serveur PostgreSQL non)',
                summarize(http.cpu),
              ),
              ...latencyFigures(
                'HTTP, premier passage (racines de mots pas encore en cache)',
                summarize(cold.wall),
              ),
              ...latencyFigures(
                'service, juste après une écriture (mise à jour de l’index)',
                summarize(afterWrite),
              ),
            ],
            notes: [
              'Le premier passage mesure chaque requête une fois, juste après la construction de l’index ; ' +
                'les passages suivants profitent des racines de mots et des listes de notices déjà calculées, ' +
                'mises de côté tant que l’index ne change pas.',
              `Requêtes les plus lentes (HTTP) : ${slowest.map((s) => `${JSON.stringify(s.b.params)} ${s.ms.toFixed(1)} ms`).join(' ; ')}.`,
              `Résultats par requête : ${totals.map((t) => `${JSON.stringify(t.b.params)} ${t.total}`).join(' ; ')}.`,
            ],
          },
          {
            title: 'Export',
            figures: [
              { label: `RIS des notices CPTS (${exportedCount} notices)`, value: exported.ms, unit: 'ms' },
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
