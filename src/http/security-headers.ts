import type { FastifyInstance } from 'fastify';

/**
 * Policy of the web application's pages and files.
 * - Scripts: this origin only. The build turns index.html's inline scripts into files (web/vite.config.ts),
 *   so no inline script and no `eval` is allowed: an injected `<script>` or `onerror=` never runs.
 * - Styles: this origin, plus inline styles. The previews of sélections and reports are HTML documents
 *   shown in sandboxed `srcdoc` frames, which inherit this policy and carry their own `<style>` element
 *   and `style` attributes (inline SVG charts); MapLibre and React set styles through the CSSOM, which a
 *   policy does not restrict. Inline styles cannot run code; scripts stay strict.
 * - Workers and images from `blob:`: MapLibre starts its worker from a blob and draws into canvases;
 *   `data:` images are the icons of the design system.
 * - The optional raster basemap (`ODTS_FOND_DE_CARTE`) is the only other origin, for its tiles.
 */
export function webPagePolicy(basemapTemplate = process.env.ODTS_FOND_DE_CARTE): string {
  const tiles = basemapSource(basemapTemplate);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self' data:",
    `connect-src 'self'${tiles}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Policy of every API answer: JSON loads nothing, and the HTML documents (reports, sélections) opened
 * directly in a tab keep their inline stylesheet and data images but can run no script at all.
 */
export const API_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** ` https://*.tiles.example` for a tile address template, '' when there is none or it is not http(s). */
function basemapSource(template: string | undefined): string {
  if (!template) return '';
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!match) return '';
  // `{s}.tile.example` names rotating subdomains: any subdomain of that host.
  const host = (match[2] as string).replace(/^\{[^}]+\}\./, '*.');
  if (!/^[\w*.-]+(:\d+)?$/.test(host)) return '';
  return ` ${(match[1] as string).toLowerCase()}://${host}`;
}

/**
 * Headers every answer carries: the policies above, no MIME sniffing, no framing by other sites, no full
 * address sent to other sites; HSTS when the server is reached over TLS (a reverse proxy sets
 * `X-Forwarded-Proto`) and configured for it.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const webPolicy = webPagePolicy();
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!reply.hasHeader('content-security-policy')) {
      const api = req.url === '/api' || req.url.startsWith('/api/') || req.url.startsWith('/api?');
      reply.header('content-security-policy', api ? API_POLICY : webPolicy);
    }
    if (options.hsts && (req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https')) {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
