import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayIso } from '../domain/registry/timeline.ts';

/** An answer kept as the bytes sent, with the stamp of the data it was built from. */
interface Kept {
  stamp: string;
  day: string;
  body: Buffer;
  etag: string;
  contentType: string;
  disposition: string | undefined;
  /** Made when the answer is asked for again by a client that accepts gzip (null: not worth it). */
  gzip?: { body: Buffer; etag: string } | null;
}

/** Below this size, compressing saves less than its headers and time cost. */
const GZIP_FROM = 1024;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The gzip form of a kept answer, made once and kept beside it when it saves enough. */
function gzipOf(kept: Kept): { body: Buffer; etag: string } | null {
  if (kept.gzip !== undefined) return kept.gzip;
  kept.gzip = null;
  if (kept.body.length >= GZIP_FROM) {
    const body = gzipSync(kept.body, { level: 6 });
    // A strong validator names one representation: the compressed one has its own.
    if (body.length < kept.body.length * 0.9) kept.gzip = { body, etag: `${kept.etag.slice(0, -1)}-gz"` };
  }
  return kept.gzip;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Where a cacheable answer will be kept, with the data stamp read before it was built. */
    cacheSlot: { key: string; stamp: string; day: string } | null;
  }
}

export interface ResponseCacheOptions {
  /** The data stamp: a kept answer is served only while it is unchanged. */
  stamp(): Promise<string>;
  /** Route addresses (as registered, `/api/territoires/:type/:code/profil`) whose answers are kept. */
  routes: ReadonlySet<string>;
  /** Memory for kept bodies; least recently used first out. */
  maxBytes?: number;
  /** A larger body is sent but not kept (a full export). */
  maxEntryBytes?: number;
  clock?: () => Date;
}

const VARY = 'Accept-Encoding, Authorization, Cookie';

/** Strong validator of the bytes: two servers give the same ETag for the same answer. */
function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === '*';
  });
}

/** Byte-bounded least-recently-used store of kept answers. */
class KeptAnswers {
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Kept | undefined {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  set(key: string, kept: Kept) {
    this.delete(key);
    this.entries.set(key, kept);
    this.bytes += kept.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }

  delete(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }
}

/**
 * Public answers to anonymous GETs, kept as their bytes and served again while the data stamp and the
 * day are unchanged: a profile, a list page or a search is then one stamp read (shared by the requests
 * arriving together) and one copy to the socket. Each kept answer carries a strong ETag; a matching
 * `If-None-Match` gets a 304. A request with a bearer token or a session is never served from here,
 * and only 200 answers are kept. A write changes the stamp, so the next read builds the answer again;
 * writes through another server on the same database change it too.
 */
export function registerResponseCache(app: FastifyInstance, options: ResponseCacheOptions): void {
  const store = new KeptAnswers(options.maxBytes ?? 64 * 1024 * 1024);
  const maxEntry = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const clock = options.clock ?? (() => new Date());
  app.decorateRequest('cacheSlot', null);

  const cacheable = (req: FastifyRequest) =>
    req.method === 'GET' &&
    req.actor?.kind === 'anonymous' &&
    req.authVia === null &&
    req.headers.authorization === undefined &&
    options.routes.has(req.routeOptions.url ?? '');

  // Registered after the authentication hook: the actor is known.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(req)) return;
    const key = req.url;
    const [stamp, day] = [await options.stamp(), todayIso(clock())];
    const kept = store.get(key);
    if (kept && kept.stamp === stamp && kept.day === day) {
      const gzip = acceptsGzip(req.headers['accept-encoding']) ? gzipOf(kept) : null;
      const etag = gzip ? gzip.etag : kept.etag;
      reply.header('etag', etag).header('vary', VARY);
      if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      reply.header('content-type', kept.contentType);
      if (kept.disposition) reply.header('content-disposition', kept.disposition);
      if (gzip) reply.header('content-encoding', 'gzip');
      return reply.send(gzip ? gzip.body : kept.body);
    }
    req.cacheSlot = { key, stamp, day };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.cacheSlot;
    if (!slot || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = etagOf(body);
    reply.header('etag', etag).header('vary', VARY);
    if (body.length <= maxEntry) {
      const disposition = reply.getHeader('content-disposition');
      store.set(slot.key, {
        stamp: slot.stamp,
        day: slot.day,
        body,
        etag,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        disposition: typeof disposition === 'string' ? disposition : undefined,
      });
    }
    return body;
  });
}

/** Public reads kept by the response cache: what a visitor's pages and the map ask most. */
export const CACHED_PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  '/api/territoires',
  '/api/territoires/:type/:code',
  '/api/territoires/:type/:code/profil',
  '/api/dynamiques',
  '/api/ressources',
]);
