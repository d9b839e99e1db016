import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../domain/text/escape-html.ts';
import { DEFAULT_OPERATOR_IDENTITY, type OperatorIdentity, pageIdentityOf } from '../operator-identity.ts';

/** Where `npm run build:web` writes the web application. */
export const WEB_DIST_DIR = path.resolve('dist', 'web');

/**
 * Serves the built web application beside the API: hashed assets cached for a year, and `index.html`
 * for any other GET outside /api so that every page works on direct load and refresh.
 * Does nothing when the application is not built, so API tests need no build.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root = WEB_DIST_DIR,
  identity: OperatorIdentity = DEFAULT_OPERATOR_IDENTITY,
): Promise<boolean> {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) return false;
  const page = personalisePage(fs.readFileSync(index, 'utf8'), identity);

  // Every built file but index.html lives under /assets/ with a content hash in its name.
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
  });

  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '/';
    // API paths and missing files keep the JSON 404; anything else is a page of the application.
    if (pathname === '/api' || pathname.startsWith('/api/') || /\.[a-z0-9]{1,8}$/i.test(pathname)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
  return true;
}

/**
 * The page with the operator's theme (`<html data-theme>`), name (title) and identity
 * (`<meta name="odts-identite">`, read by web/src/ui/identity.ts): the interface draws its header at
 * first paint, and no inline script is needed.
 */
export function personalisePage(html: string, identity: OperatorIdentity): string {
  const json = JSON.stringify(pageIdentityOf(identity));
  return html
    .replace(/<html([^>]*) data-theme="[a-z]+"/, `<html$1 data-theme="${identity.theme}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(identity.nom)}</title>`)
    .replace('</head>', `<meta name="odts-identite" content="${escapeHtml(json)}" />\n</head>`);
}
