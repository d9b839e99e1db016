import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { identityResponse } from '../domain/identity/identity.ts';
import { logoMediaType, type OperatorIdentity, pageIdentityOf } from '../operator-identity.ts';

/** Who runs this instance (public): the interface's about page, and anyone reusing the data. */
export function identityRoutes(identity: OperatorIdentity): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/identite',
      {
        schema: {
          tags: ['Système'],
          summary: 'Exploitant de la plateforme : nom, contact, mentions légales, accessibilité, thème',
          response: { 200: identityResponse },
        },
      },
      () => ({ ...pageIdentityOf(identity), mentionsLegales: identity.mentionsLegales }),
    );
    app.get(
      '/identite/logo',
      // Outside /api: an asset of the pages, like the interface's own files.
      { schema: { hide: true } },
      async (_req, reply) => {
        if (!identity.logoPath) return reply.callNotFound();
        return reply
          .header('content-type', logoMediaType(identity.logoPath))
          .header('cache-control', 'public, max-age=3600')
          .send(fs.createReadStream(identity.logoPath));
      },
    );
  };
}
