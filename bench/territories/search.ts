import type { FastifyInstance } from 'fastify';
import { anonymous } from '../../src/domain/actor.ts';
import type { TerritoryService } from '../../src/territories/territory.service.ts';
import { latencies, type Summary, summarize } from '../lib/stats.ts';
import type { SearchQuery } from './queries.ts';

export interface SearchRun {
  service: Summary;
  http: Summary;
  serviceCpu: Summary;
  httpCpu: Summary;
  /** Share of queries with an expected territory that find it first, and among the first 10. */
  top1: number;
  top10: number;
  /** Slowest queries over HTTP, to investigate. */
  slowest: { q: string; kind: string; ms: number }[];
  /** Share of expected hits by kind of query, when below 100 %. */
  missesByKind: Record<string, string>;
}

const LIMIT = 10;

/** Latencies at the service level and through the HTTP app in-process, after a warm-up pass of each. */
export async function measureSearch(
  service: TerritoryService,
  app: FastifyInstance,
  queries: readonly SearchQuery[],
): Promise<SearchRun> {
  const viaService = (q: SearchQuery) => service.search(anonymous, { q: q.q, limit: LIMIT });
  const viaHttp = async (q: SearchQuery) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/territoires?q=${encodeURIComponent(q.q)}&limit=${LIMIT}`,
    });
    if (res.statusCode !== 200) throw new Error(`« ${q.q} » → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };

  // Warm-up, and relevance: is the territory the query was made from among the results?
  let expected = 0;
  let first = 0;
  let inTen = 0;
  const byKind = new Map<string, { n: number; found: number }>();
  for (const q of queries) {
    const hits = await viaService(q);
    await viaHttp(q);
    if (!q.expect) continue;
    const e = q.expect;
    const rank = hits.findIndex((h) => h.type === e.type && h.code === e.code);
    const k = byKind.get(q.kind) ?? { n: 0, found: 0 };
    k.n++;
    expected++;
    if (rank === 0) first++;
    if (rank >= 0) {
      inTen++;
      k.found++;
    }
    byKind.set(q.kind, k);
  }

  const service_ = await latencies(queries, viaService);
  const http = await latencies(queries, viaHttp);
  const slowest = queries
    .map((q, i) => ({ q: q.q, kind: q.kind, ms: http.wall[i] as number }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  const missesByKind = Object.fromEntries(
    [...byKind.entries()].filter(([, k]) => k.found < k.n).map(([kind, k]) => [kind, `${k.found}/${k.n}`]),
  );
  return {
    service: summarize(service_.wall),
    http: summarize(http.wall),
    serviceCpu: summarize(service_.cpu),
    httpCpu: summarize(http.cpu),
    top1: first / Math.max(1, expected),
    top10: inTen / Math.max(1, expected),
    slowest,
    missesByKind,
  };
}
