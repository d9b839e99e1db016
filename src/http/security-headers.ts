import type { FastifyInstance } from 'fastify';

/**
 * Headers every answer carries: no framing by other sites, no MIME sniffing, no full address sent to other
 * sites; HSTS when the server is reached over TLS (a reverse proxy sets `X-Forwarded-Proto`).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
    }
    if (options.hsts && (req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https')) {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
