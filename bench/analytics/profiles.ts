import type { CogReference } from '../generate/cog.ts';
import type { BenchDynamic } from '../generate/dynamics.ts';
import { Rng } from '../generate/prng.ts';
import { getBytes } from '../lib/local-http.ts';
import { latencies, type Summary, summarize } from '../lib/stats.ts';

export interface ProfileRun {
  type: string;
  wall: Summary;
  cpu: Summary;
  /** Mean number of dynamics listed in a profile. */
  meanDynamics: number;
  maxDynamics: number;
}

/**
 * Territory profile paths: communes named in perimeters (covered) and drawn at random (often covered
 * only by département-wide dynamics), EPCI, every département and région.
 */
export function profilePaths(cog: CogReference, dynamics: readonly BenchDynamic[]): Record<string, string[]> {
  const rng = new Rng('territory-profiles');
  const named = [...new Set(dynamics.flatMap((d) => d.perimetre.communes))];
  const url = (type: string, code: string) => `/api/territoires/${type}/${code}/profil`;
  return {
    commune: [
      ...rng.sample(named, 150).map((c) => url('commune', c)),
      ...rng.sample(cog.communes, 150).map((c) => url('commune', c.code)),
    ],
    epci: rng.sample(cog.epci, 150).map((e) => url('epci', e.code)),
    departement: cog.departements.map((d) => url('departement', d.code)),
    region: cog.regions.map((r) => url('region', r.code)),
  };
}

/** The response body over HTTP; parsed only outside the measured calls (the client's work). */
export function getProfile(base: string, url: string): Promise<Buffer> {
  return getBytes(base, url);
}

const listed = (body: Buffer) =>
  (JSON.parse(body.toString('utf8')) as { dynamiques: unknown[] }).dynamiques.length;

/** Each path once to warm up, then enough passes for about 300 samples per territory type. */
export async function measureProfiles(base: string, type: string, paths: string[]) {
  const counts: number[] = [];
  for (const url of paths) counts.push(listed(await getProfile(base, url)));
  const rounds = Math.max(1, Math.ceil(300 / paths.length));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const run = await latencies(paths, (url) => getProfile(base, url));
    wall.push(...run.wall);
    cpu.push(...run.cpu);
  }
  return {
    type,
    wall: summarize(wall),
    cpu: summarize(cpu),
    meanDynamics: counts.reduce((s, n) => s + n, 0) / Math.max(1, counts.length),
    maxDynamics: Math.max(...counts),
  } satisfies ProfileRun;
}
