import { randomUUID } from 'node:crypto';
import { actionInput } from '../src/domain/actions/schemas.ts';
import { systemActor } from '../src/domain/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { actionQueries, generateActions } from './actions/generate.ts';
import { loadCogReference } from './generate/cog.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { latencies, type Summary, summarize, timed } from './lib/stats.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the actions issue, on a 2-core machine. */
export const TARGETS = { analysisMs: 200, searchP95Ms: 30 };
const COUNT = 20_000;
const CHUNK = 2_000;
const ROUNDS = 5;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

const latencyFigures = (prefix: string, s: Summary, target?: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', ...(target ? { target } : {}) },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

/**
 * 20,000 actions spread over the country, written in change sets of 2,000 through the service (checked
 * against the reference like an import), then faceted searches and grid analyses through HTTP.
 */
export async function runActionsBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    log('démarrage et référentiel…');
    const { ctx } = await timedStart(target.config);
    const app = await buildApp(ctx);
    try {
      const cog = loadCogReference();
      const inputs = generateActions(cog, COUNT).map((a) => actionInput.parse(a));
      const { actions } = ctx.services.actions;
      log(`écriture de ${COUNT} actions par lots de ${CHUNK}…`);
      const load = await timed(async () => {
        for (let i = 0; i < inputs.length; i += CHUNK) {
          const chunk = inputs.slice(i, i + CHUNK).map((action) => ({ action, previous: null }));
          const { prepared, errors } = await actions.prepare(chunk);
          if (Object.keys(errors).length > 0) throw new Error(JSON.stringify(errors).slice(0, 500));
          const creates = prepared.map((p) => ({ id: randomUUID(), ...p, creePar: null }));
          await actions.applyChangeSet(actor, { creates, changes: [] }, `Banc d’essai ${i / CHUNK + 1}`);
        }
      });

      const get = async (url: string, query: Record<string, string>) => {
        const r = await app.inject({ method: 'GET', url, query });
        if (r.statusCode !== 200)
          throw new Error(`${url} ${JSON.stringify(query)} → ${r.statusCode} ${r.body}`);
        return r.json();
      };
      log('premier chargement du catalogue en mémoire…');
      const first = await timed(() => get('/api/actions', {}));

      const queries = actionQueries(cog);
      const rounds = Array.from({ length: ROUNDS }, () => queries).flat();
      log(`recherche : ${queries.length} requêtes × ${ROUNDS}…`);
      await latencies(queries, (q) => get('/api/actions', q));
      const search = await latencies(rounds, (q) => get('/api/actions', q));
      const totals = await Promise.all(
        queries.map(async (q) => ({ q, total: (await get('/api/actions', q)).total })),
      );

      log('analyses de la grille…');
      const analysisKept = await latencies(
        Array.from({ length: ROUNDS * 4 }, () => ({})),
        (q) => get('/api/analyses/actions', q),
      );
      const filters = queries.map(({ tri: _t, page: _p, ...f }) => f);

      log('recherche et analyses juste après une écriture…');
      const afterWrite: number[] = [];
      const analysisCold: number[] = [];
      for (let i = 0; i < 20; i++) {
        await actions.create(actor, inputs[i] as (typeof inputs)[number]);
        afterWrite.push((await timed(() => get('/api/actions', queries[i % queries.length] ?? {}))).ms);
        analysisCold.push((await timed(() => get('/api/analyses/actions', {}))).ms);
      }
      // A new write, then each filtered set computed once (nothing kept yet).
      await actions.create(actor, inputs[20] as (typeof inputs)[number]);
      const filteredCold = await latencies(filters, (q) => get('/api/analyses/actions', q));

      return {
        bench: 'actions',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Écriture de ${COUNT} actions (contrôle du territoire et des liens, lots de ${CHUNK})`,
            figures: [
              { label: 'écriture complète', value: load.ms, unit: 'ms' },
              {
                label: 'premier chargement du catalogue en mémoire (1re recherche)',
                value: first.ms,
                unit: 'ms',
              },
              {
                label: 'mémoire du processus après chargement (RSS, Mo)',
                value: process.memoryUsage().rss / 1e6,
                unit: '',
              },
            ],
          },
          {
            title: `Recherche avec facettes : ${queries.length} requêtes variées × ${ROUNDS}, limit=20, HTTP (inject)`,
            figures: [
              ...latencyFigures('HTTP', summarize(search.wall), TARGETS.searchP95Ms),
              ...latencyFigures('HTTP, temps CPU', summarize(search.cpu)),
              ...latencyFigures(
                'juste après une écriture (catalogue relu, index refait)',
                summarize(afterWrite),
              ),
            ],
            notes: [
              `Requêtes les plus lentes : ${rounds
                .map((q, i) => ({ q, ms: search.wall[i] as number }))
                .sort((a, z) => z.ms - a.ms)
                .slice(0, 6)
                .map((x) => `${JSON.stringify(x.q)} ${x.ms.toFixed(1)} ms`)
                .join(' ; ')}.`,
              `Résultats par requête : ${totals.map((t) => `${JSON.stringify(t.q)} ${t.total}`).join(' ; ')}.`,
            ],
          },
          {
            title: `Analyses de la grille (GET /api/analyses/actions), HTTP, ${COUNT} actions et plus`,
            figures: [
              ...latencyFigures(
                'toutes les actions, juste après une écriture, rien de gardé (index refait par la recherche qui précède)',
                summarize(analysisCold),
                TARGETS.analysisMs,
              ),
              ...latencyFigures(
                `ensembles filtrés, calculés une fois chacun (${filters.length})`,
                summarize(filteredCold.wall),
              ),
              ...latencyFigures(
                'toutes les actions, chiffres gardés jusqu’à la prochaine écriture',
                summarize(analysisKept.wall),
              ),
            ],
            notes: [
              'Les chiffres d’un ensemble filtré sont gardés (200 ensembles au plus) jusqu’à la prochaine écriture ou au lendemain ; ' +
                'la cible porte sur le calcul complet juste après une écriture.',
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
