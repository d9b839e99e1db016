import type { AppContext } from '../src/context.ts';
import { systemActor } from '../src/domain/actor.ts';
import { dynamicInput } from '../src/domain/registry/schemas.ts';
import { buildApp } from '../src/http/app.ts';
import { getProfile, measureProfiles, type ProfileRun, profilePaths } from './analytics/profiles.ts';
import { loadCogReference } from './generate/cog.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import type { BenchDynamic } from './generate/dynamics.ts';
import { freshTarget } from './lib/engine.ts';
import { getBytes, listenLocally } from './lib/local-http.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { latencies, type Summary, summarize, timed } from './lib/stats.ts';
import { loadIntoRegistry } from './reports/load-registry.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the analyses issue, on a 2-core machine. */
export const TARGETS = { profileP95Ms: 20, configurationsMs: 250, countsMs: 100 };
const CONFIGURATIONS = '/api/analyses/configurations?base=CONTRAT_VILLE&avec=ASV,CLS,CLSM';
const COUNTS = '/api/analyses/comptages?niveau=departement';
/** Warm calls of each national analysis; calls just after a registry write. */
const WARM_RUNS = 30;
const COLD_RUNS = 8;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

const latencyFigures = (prefix: string, s: Summary, target?: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', ...(target ? { target } : {}) },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

async function get(base: string, url: string): Promise<string> {
  return (await getBytes(base, url)).toString('utf8');
}

/** Renames one dynamic per call (a new version, a history row): the next analysis sees a new registry. */
function registryWriter(ctx: AppContext, dynamics: readonly BenchDynamic[]) {
  const pool = dynamics.filter((d) => d.type === 'MSP');
  let next = 0;
  return async () => {
    const d = pool[next++ % pool.length] as BenchDynamic;
    return timed(() =>
      ctx.services.registry.update(actor, d.id, dynamicInput.parse({ ...d, nom: `${d.nom} (modifié)` }), 1),
    );
  };
}

/** `runs` times: one registry write, then the call measured (the snapshot is rebuilt first). */
async function afterWrites(write: () => Promise<{ ms: number }>, call: () => Promise<unknown>, runs: number) {
  const wall: number[] = [];
  const writes: number[] = [];
  for (let i = 0; i < runs; i++) {
    writes.push((await write()).ms);
    wall.push((await timed(call)).ms);
  }
  return { wall: summarize(wall), writes: summarize(writes) };
}

/**
 * Analyses of the national dataset (10,000 dynamics written by the registry service): territory
 * profiles, national configuration matrix and counts per département, warm (snapshot cached) and on the
 * first call after a registry write (snapshot of the registry read again).
 */
export async function runAnalyticsBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    log('démarrage et référentiel…');
    const { ctx } = await timedStart(target.config);
    const app = await buildApp(ctx);
    const base = await listenLocally(app);
    try {
      const { dynamics } = loadBenchDataset();
      log(`chargement de ${dynamics.length} dynamiques dans le registre…`);
      const load = await timed(() => loadIntoRegistry(ctx, dynamics, log));
      const write = registryWriter(ctx, dynamics);

      log('premier appel (instantané construit)…');
      const first = await timed(() => get(base, CONFIGURATIONS));
      const matrix = JSON.parse(first.value) as { total: number };
      const counted = JSON.parse(await get(base, COUNTS)) as { total: number };

      const cog = loadCogReference();
      const profiles: ProfileRun[] = [];
      for (const [type, paths] of Object.entries(profilePaths(cog, dynamics))) {
        log(`profils ${type} : ${paths.length}…`);
        profiles.push(await measureProfiles(base, type, paths));
      }
      const allProfiles = Object.values(profilePaths(cog, dynamics)).flat();

      log(`configurations et comptages nationaux, ${WARM_RUNS} appels à chaud…`);
      const repeat = (url: string) => Array.from({ length: WARM_RUNS }, () => url);
      const configWarm = await latencies(repeat(CONFIGURATIONS), (url) => get(base, url));
      const countsWarm = await latencies(repeat(COUNTS), (url) => get(base, url));

      log(`après une écriture dans le registre, ${COLD_RUNS} fois chacun…`);
      const configCold = await afterWrites(write, () => get(base, CONFIGURATIONS), COLD_RUNS);
      const countsCold = await afterWrites(write, () => get(base, COUNTS), COLD_RUNS);
      let p = 0;
      const profileCold = await afterWrites(
        write,
        () => {
          p += 37;
          return getProfile(base, allProfiles[p % allProfiles.length] as string);
        },
        COLD_RUNS,
      );

      const profileFigures = profiles.flatMap((r) => [
        ...latencyFigures(`profil ${r.type}`, r.wall, TARGETS.profileP95Ms),
        { label: `profil ${r.type} p95, temps CPU`, value: r.cpu.p95, unit: 'ms' as const },
      ]);
      return {
        bench: 'analytics',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Jeu national : ${dynamics.length} dynamiques écrites par le service du registre`,
            figures: [
              { label: 'chargement (validation, périmètres, historique)', value: load.ms / 1000, unit: 's' },
              { label: 'premier appel aux analyses (instantané construit)', value: first.ms, unit: 'ms' },
            ],
          },
          {
            title: 'Profil de territoire (GET /api/territoires/{type}/{code}/profil), HTTP, à chaud',
            figures: profileFigures,
            notes: [
              `Dynamiques listées par profil, moyenne / max : ${profiles
                .map((r) => `${r.type} ${r.meanDynamics.toFixed(1)} / ${r.maxDynamics}`)
                .join(' ; ')}.`,
            ],
          },
          {
            title: `Analyses nationales, HTTP : ${WARM_RUNS} appels à chaud, ${COLD_RUNS} juste après une écriture`,
            figures: [
              ...latencyFigures(
                `configurations CV × ASV, CLS, CLSM (${matrix.total} CV), à chaud`,
                summarize(configWarm.wall),
                TARGETS.configurationsMs,
              ),
              ...latencyFigures(
                'configurations, après une écriture',
                configCold.wall,
                TARGETS.configurationsMs,
              ),
              ...latencyFigures(
                `comptages par département (${counted.total} lignes), à chaud`,
                summarize(countsWarm.wall),
                TARGETS.countsMs,
              ),
              ...latencyFigures('comptages, après une écriture', countsCold.wall, TARGETS.countsMs),
              ...latencyFigures('profil, après une écriture', profileCold.wall, TARGETS.profileP95Ms),
              {
                label: 'écriture (modification d’une dynamique) p50',
                value: configCold.writes.p50,
                unit: 'ms',
              },
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
