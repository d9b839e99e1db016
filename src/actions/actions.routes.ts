import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionRoutes } from './action.routes.ts';
import type { ActionServices } from './actions.context.ts';
import { actionImportRoutes } from './imports/action-import.routes.ts';

/** Every route of the actions module. */
export function actionsModuleRoutes(s: ActionServices): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(actionRoutes(s.actions, s.search, s.exports));
    await app.register(actionImportRoutes(s.imports));
  };
}
