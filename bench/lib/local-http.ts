import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * The app listening on a free loopback port: answers are measured as a client receives them. In-process
 * `inject` copied and decoded every body in the benchmark itself (23 ms for a 1.2 MB région profile),
 * a cost no client of the server pays.
 */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** The body of a 200 answer as bytes (decoding it is the caller's, outside any measure). */
export async function getBytes(base: string, url: string): Promise<Buffer> {
  const res = await fetch(base + url);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${body.toString('utf8', 0, 200)}`);
  return body;
}
