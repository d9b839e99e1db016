import type { FastifyInstance } from 'fastify';
import type { CogReference } from '../generate/cog.ts';
import { Rng } from '../generate/prng.ts';
import { latencies, type Summary, summarize } from '../lib/stats.ts';

export interface DetailRun {
  type: string;
  paths: string[];
  summary: Summary;
  cpu: Summary;
  /** Mean number of children listed (communes of a département…). */
  meanChildren: number;
}

/** Territory detail paths: a sample of communes and EPCI, every département and région. */
export function detailPaths(cog: CogReference): Record<string, string[]> {
  const rng = new Rng('territory-details');
  const arrondissements = cog.raw.communes.filter((c) => c.type === 'arrondissement-municipal');
  return {
    commune: [
      ...rng.sample(cog.communes, 450).map((c) => c.code),
      ...rng.sample(arrondissements, 45).map((c) => c.code),
    ].map((code) => `/api/territoires/commune/${code}`),
    epci: rng.sample(cog.epci, 400).map((e) => `/api/territoires/epci/${e.code}`),
    departement: cog.departements.map((d) => `/api/territoires/departement/${d.code}`),
    region: cog.regions.map((r) => `/api/territoires/region/${r.code}`),
  };
}

/** Each path once to warm up, then `rounds` measured passes (small sets need several for a p95). */
export async function measureDetails(
  app: FastifyInstance,
  type: string,
  paths: string[],
): Promise<DetailRun> {
  const rounds = Math.max(1, Math.ceil(400 / paths.length));
  let children = 0;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  for (const url of paths)
    children += (JSON.parse((await get(url)).body) as { enfants: unknown[] }).enfants.length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const run = await latencies(paths, get);
    wall.push(...run.wall);
    cpu.push(...run.cpu);
  }
  return {
    type,
    paths,
    summary: summarize(wall),
    cpu: summarize(cpu),
    meanChildren: children / paths.length,
  };
}
