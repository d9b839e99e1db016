import os from 'node:os';
import { systemActor } from '../src/domain/actor.ts';
import { loadCogReference } from './generate/cog.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { type BenchTarget, freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure, Section } from './lib/report.ts';
import { type LoadRun, runLoad, warm } from './load/scenario.ts';
import { startServer } from './load/server.ts';
import { cycle, publicReadUrls, unseenProfileUrls } from './load/urls.ts';
import { loadIntoRegistry } from './reports/load-registry.ts';
import { loadNotices } from './resources/load.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the load and scale requirements (2-core machine). */
export const TARGETS = { cachedPerSecond: 5_000, cachedP99Ms: 50, unseenPerSecond: 1_500, soakFailures: 0 };

const log = (message: string) => console.error(`· ${message}`);
// ODTS_LOAD_QUICK=1: every run five times shorter, to try a change (figures then less steady).
const scale = process.env.ODTS_LOAD_QUICK === '1' ? 0.2 : 1;
const seconds = (s: number) => Math.max(2, Math.round(s * scale));

/**
 * The national dataset in a database: a fresh one, or the one of ODTS_LOAD_DATABASE_URL kept between
 * runs (loaded on its first use), since loading 10,000 dynamics and 50,000 notices takes about a minute.
 */
async function prepareTarget(): Promise<BenchTarget> {
  const kept = process.env.ODTS_LOAD_DATABASE_URL;
  const target: BenchTarget = kept
    ? {
        kind: 'postgres',
        label: `PostgreSQL (base gardée ${new URL(kept).pathname.slice(1)})`,
        config: { DATABASE_URL: kept, pgliteDir: '' },
        cleanup: async () => {},
      }
    : await freshTarget();
  const { ctx } = await timedStart(target.config);
  try {
    const count = await ctx.database.db
      .selectFrom('dynamique')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) === 0) {
      const { dynamics, notices } = loadBenchDataset();
      log(`chargement de ${dynamics.length} dynamiques…`);
      await loadIntoRegistry(ctx, dynamics, log);
      log(`chargement de ${notices.length} notices…`);
      await loadNotices(ctx, systemActor('banc d’essai'), notices, log);
    }
  } finally {
    await ctx.close();
  }
  return target;
}

function loadFigures(label: string, run: LoadRun, targets: { perSecond?: number; p99?: number }): Figure[] {
  return [
    {
      label: `${label} : requêtes par seconde`,
      value: run.perSecond,
      unit: 'req/s',
      target: targets.perSecond,
      atLeast: true,
    },
    { label: `${label} : latence p50`, value: run.p50, unit: 'ms' },
    { label: `${label} : latence p99`, value: run.p99, unit: 'ms', target: targets.p99 },
    { label: `${label} : latence max`, value: run.max, unit: 'ms' },
    {
      label: `${label} : erreurs (connexion, délai, statut ≠ 2xx)`,
      value: run.failures,
      unit: '',
      target: 0,
    },
    { label: `${label} : temps CPU du serveur par requête`, value: run.cpuPerRequest, unit: 'ms' },
  ];
}

const loadAverages = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/**
 * Load on a real listening server (`src/main.ts` in its own process) with the national dataset:
 * cached public reads, territory profiles never asked before, and 200 connections for a minute.
 */
export async function runLoadBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await prepareTarget();
  log(`moteur : ${target.label}`);
  const cog = loadCogReference();
  const { dynamics } = loadBenchDataset();
  const reads = publicReadUrls(cog, dynamics);
  const server = await startServer(target.config, { cpuProfileDir: process.env.ODTS_LOAD_CPU_PROF, log });
  const notes: string[] = [];
  const sections: Section[] = [];
  // ODTS_LOAD_ONLY=cache,unseen,soak: only these runs (to profile one of them).
  const only = process.env.ODTS_LOAD_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  try {
    log(`premier passage sur ${reads.length} adresses…`);
    await warm(server, reads);
    notes.push(`Charge (1, 5, 15 min) avant les tirs : ${loadAverages()}.`);
    if (wanted('cache')) {
      log('lectures publiques en cache…');
      // Each connection goes through the list of addresses in turn; two autocannon threads,
      // since one cannot send 5,000 requests a second (it then used a core for 0.1 core of server).
      const run = await runLoad(server, reads, { connections: 50, seconds: seconds(20), workers: 2 });
      sections.push({
        title: `Lectures publiques en cache (${reads.length} adresses : profils, listes, recherches), 50 connexions, ${run.seconds} s`,
        figures: loadFigures('en cache', run, {
          perSecond: TARGETS.cachedPerSecond,
          p99: TARGETS.cachedP99Ms,
        }),
      });
    }
    if (wanted('unseen')) {
      log('profils jamais demandés…');
      const run = await runLoad(server, unseenProfileUrls(cog), { connections: 50, seconds: seconds(15) });
      sections.push({
        title: `Profils de communes jamais demandés, 50 connexions, ${run.seconds} s`,
        figures: loadFigures('hors cache', run, { perSecond: TARGETS.unseenPerSecond }),
      });
    }
    if (wanted('soak')) {
      log('200 connexions pendant une minute…');
      const nextRead = cycle(reads);
      // Other communes than the run above: these profiles are new too.
      const nextUnseen = unseenProfileUrls(cog, 20_000);
      let n = 0;
      const run = await runLoad(server, () => (n++ % 10 === 9 ? nextUnseen() : nextRead()), {
        connections: 200,
        seconds: seconds(60),
      });
      sections.push({
        title: `Endurance : 200 connexions, ${run.seconds} s (9 lectures en cache pour 1 profil nouveau)`,
        figures: loadFigures('200 connexions', run, {}),
      });
    }
    notes.push(`Charge (1, 5, 15 min) après les tirs : ${loadAverages()}.`);
    sections.push({ title: 'Machine', figures: [], notes });
    return { bench: 'load', engine: target.label, engineKind: target.kind, machine, sections };
  } finally {
    await server.stop();
    await target.cleanup();
  }
}
