import type { FastifyInstance } from 'fastify';
import { glossaryRoutes } from './glossary/glossary.routes.ts';
import { noticeImportRoutes } from './imports/notice-import.routes.ts';
import { noticeMergeRoutes } from './merge/notice-merge.routes.ts';
import { noticeRoutes } from './notice.routes.ts';
import type { ResourceServices } from './resources.context.ts';
import { selectionRoutes } from './selections/selection.routes.ts';

/** Every route of the resource centre (each plugin keeps its own body parsers). */
export function resourceRoutes(s: ResourceServices) {
  return async (app: FastifyInstance) => {
    await app.register(noticeRoutes(s.notices, s.search, s.exports));
    await app.register(noticeImportRoutes(s.imports));
    await app.register(noticeMergeRoutes(s.merges));
    await app.register(glossaryRoutes(s.glossary));
    await app.register(selectionRoutes(s.selections));
  };
}
