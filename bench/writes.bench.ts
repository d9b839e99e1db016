import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/domain/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { profilePaths } from './analytics/profiles.ts';
import { loadCogReference } from './generate/cog.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { dynamicsToCsv } from './generate/dynamics-csv.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { type Summary, summarize } from './lib/stats.ts';
import { listQueries } from './registry/queries.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the long-writes issue: reads stay answered while 20,000 rows are written or reverted. */
export const TARGETS = { readP99Ms: 200, revert20kMs: 15_000 };
const ROWS = 20_000;

const log = (message: string) => console.error(`· ${message}`);

/** Reads a visitor makes: lists, territory profiles, health; over HTTP in-process, one after the other. */
function readUrls(): string[] {
  const { dynamics } = loadBenchDataset();
  const cog = loadCogReference();
  const lists = listQueries(cog, dynamics)
    .slice(0, 20)
    .map((q) => `/api/dynamiques?${new URLSearchParams(q.params as Record<string, string>)}`);
  const profiles = profilePaths(cog, dynamics);
  return [
    ...lists,
    ...(profiles.commune ?? []).slice(0, 10),
    ...(profiles.departement ?? []).slice(0, 5),
    ...(profiles.region ?? []).slice(0, 3),
    '/api/health',
  ];
}

/** Runs `write` while a reader hammers `urls`; the latencies of reads started during the write. */
async function readsDuring<T>(app: FastifyInstance, urls: string[], write: () => Promise<T>) {
  let writing = true;
  const samples: number[] = [];
  const reader = (async () => {
    for (let i = 0; writing; i++) {
      const url = urls[i % urls.length] as string;
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (writing) samples.push(performance.now() - t0);
      // Reads answered from memory settle without any I/O: let timers and the writer's queries run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const t0 = performance.now();
  const value = await write().finally(() => {
    writing = false;
  });
  const ms = performance.now() - t0;
  await reader;
  return { value, ms, reads: summarize(samples), count: samples.length };
}

const readFigures = (s: Summary): Figure[] => [
  { label: 'lecture p50', value: s.p50, unit: 'ms' },
  { label: 'lecture p95', value: s.p95, unit: 'ms' },
  { label: 'lecture p99', value: s.p99, unit: 'ms', target: TARGETS.readP99Ms },
  { label: 'lecture max', value: s.max, unit: 'ms' },
];

/**
 * 20,000 dynamics imported in one file, then that change set reverted, on a registry of 10,000, while a
 * reader asks for lists, profiles and health without pause: how long the writes take and how long reads
 * wait meanwhile.
 */
export async function runWritesBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    const { ctx } = await timedStart(target.config);
    const app = await buildApp(ctx);
    try {
      const actor = systemActor('banc d’essai');
      const token = (
        await ctx.services.auth.createToken(actor, {
          role: 'administrateur',
          regions: [],
          libelle: 'banc des écritures longues',
        })
      ).jeton;
      const authorization = `Bearer ${token}`;
      const { dynamics } = loadBenchDataset();
      log(`registre de départ : ${dynamics.length} dynamiques…`);
      await ctx.services.imports.importFile(actor, Buffer.from(dynamicsToCsv(dynamics)), { dryRun: false });
      const copies = Array.from({ length: ROWS }, (_, i) => {
        const d = dynamics[i % dynamics.length] as (typeof dynamics)[number];
        return { ...d, nom: `${d.nom} (copie ${i})` };
      });
      const csv = Buffer.from(dynamicsToCsv(copies));
      const urls = readUrls();
      log(`lectures à chaud : ${urls.length} adresses…`);
      for (const url of urls) await app.inject({ method: 'GET', url });
      const idle = await readsDuring(app, urls, () => new Promise((r) => setTimeout(r, 3000)));

      log(`import de ${ROWS} dynamiques pendant les lectures…`);
      const imported = await readsDuring(app, urls, async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/imports/dynamiques',
          headers: { 'content-type': 'text/csv', authorization },
          payload: csv,
        });
        if (res.statusCode !== 200) throw new Error(`import → ${res.statusCode} ${res.body.slice(0, 300)}`);
        return res.json() as { crees: number; lot: string };
      });
      log(`annulation du lot de ${imported.value.crees} créations pendant les lectures…`);
      const reverted = await readsDuring(app, urls, async () => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/lots/${imported.value.lot}/annuler`,
          headers: { authorization },
        });
        if (res.statusCode !== 200)
          throw new Error(`annulation → ${res.statusCode} ${res.body.slice(0, 300)}`);
        return res.json() as { supprimees: number };
      });
      const notes = (r: { count: number }) => [
        `${r.count} lectures pendant l’écriture (${urls.length} adresses en boucle : listes, profils, santé).`,
      ];
      return {
        bench: 'writes',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: 'Lectures sans écriture (référence), 3 s',
            figures: readFigures(idle.reads),
            notes: notes(idle),
          },
          {
            title: `Import HTTP de ${imported.value.crees} dynamiques (un fichier, un lot) sur un registre de ${dynamics.length}`,
            figures: [
              { label: 'durée de l’import', value: imported.ms, unit: 'ms' },
              ...readFigures(imported.reads),
            ],
            notes: notes(imported),
          },
          {
            title: `Annulation HTTP du lot (${reverted.value.supprimees} suppressions)`,
            figures: [
              { label: 'durée de l’annulation', value: reverted.ms, unit: 'ms', target: TARGETS.revert20kMs },
              ...readFigures(reverted.reads),
            ],
            notes: notes(reverted),
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
