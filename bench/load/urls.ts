import { profilePaths } from '../analytics/profiles.ts';
import type { CogReference } from '../generate/cog.ts';
import type { BenchDynamic } from '../generate/dynamics.ts';
import { Rng } from '../generate/prng.ts';
import { listQueries } from '../registry/queries.ts';
import { RESOURCE_QUERIES } from '../resources/queries.ts';

const withQuery = (path: string, params: Record<string, string>) => {
  const query = new URLSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
};

/**
 * The public reads a visitor's pages make, interleaved: territory profiles (communes, EPCI,
 * départements, régions), registry lists with filters, resource searches. A small set, so that after
 * one pass every answer can be served again without being built.
 */
export function publicReadUrls(cog: CogReference, dynamics: readonly BenchDynamic[]): string[] {
  const rng = new Rng('load-public-reads');
  const profiles = profilePaths(cog, dynamics);
  const profileUrls = [
    ...rng.sample(profiles.commune ?? [], 20),
    ...rng.sample(profiles.epci ?? [], 20),
    ...rng.sample(profiles.departement ?? [], 20),
    ...(profiles.region ?? []),
  ];
  const lists = listQueries(cog, dynamics)
    .slice(0, 60)
    .map((q) => withQuery('/api/dynamiques', q.params));
  const searches = RESOURCE_QUERIES.map((q) => withQuery('/api/ressources', { ...q.params, limit: '20' }));
  const out: string[] = [];
  const longest = Math.max(profileUrls.length, lists.length, searches.length);
  for (let i = 0; i < longest; i++) {
    for (const list of [profileUrls, lists, searches]) {
      const url = list[i % list.length];
      if (url) out.push(url);
    }
  }
  return out;
}

/**
 * Territory profiles never asked before: every current commune in a fixed shuffled order, then again
 * at other reading dates. Each call of the returned function gives a new address.
 */
export function unseenProfileUrls(cog: CogReference, from = 0): () => string {
  const rng = new Rng('load-unseen-profiles');
  const communes = rng.sample(cog.communes, cog.communes.length).map((c) => c.code);
  const dates = ['', '2025-01-01', '2024-01-01', '2023-01-01', '2022-01-01', '2021-01-01'];
  let i = from;
  return () => {
    const code = communes[i % communes.length] as string;
    const date = dates[Math.floor(i / communes.length) % dates.length];
    i++;
    return `/api/territoires/commune/${code}/profil${date ? `?date=${date}` : ''}`;
  };
}

/** Cycles through `urls`, one address per call. */
export function cycle(urls: readonly string[]): () => string {
  let i = 0;
  return () => urls[i++ % urls.length] as string;
}
