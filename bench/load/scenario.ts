import autocannon from 'autocannon';
import type { ServerProcess } from './server.ts';

export interface LoadRun {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Errors, timeouts and answers other than 2xx. */
  failures: number;
  /** CPU time of the server process per request, in ms: less sensitive to other work on the machine. */
  cpuPerRequest: number;
}

/**
 * Sends GET requests for `seconds` over `connections` keep-alive connections. The addresses are either
 * `next()`, called as each request is prepared, or a fixed list every connection goes through in turn:
 * requests are then built once, and autocannon can spread its connections over `workers` threads (a
 * function cannot reach a worker). Autocannon runs here, the server in its own process.
 */
export async function runLoad(
  server: ServerProcess,
  addresses: (() => string) | readonly string[],
  options: { connections: number; seconds: number; workers?: number },
): Promise<LoadRun> {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: server.base,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    // As browsers do: kept answers go out compressed.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    ...(typeof addresses === 'function'
      ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: addresses() }) }] }
      : {
          requests: addresses.map((path) => ({ method: 'GET' as const, path })),
          ...(options.workers ? { workers: options.workers } : {}),
        }),
  });
  const cpu = server.cpuMs() - cpuBefore;
  const total = result.requests.total;
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: total,
    perSecond: total / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: total > 0 ? cpu / total : Number.NaN,
  };
}

/** One request per address, in turn, each answer required to be a 200: fills the caches and checks. */
export async function warm(server: ServerProcess, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    const res = await fetch(`${server.base}${url}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  }
}
