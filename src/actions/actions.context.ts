import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { actionInput } from '../domain/actions/schemas.ts';
import { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import type { RevertableKind } from '../kernel/changesets/revertable-kind.ts';
import { HistoryRepository } from '../kernel/history/history.repository.ts';
import { type RestorableKind, restoredThroughUpdate } from '../kernel/history/restore.ts';
import { ActionRepository, type ActionRow } from './action.repository.ts';
import { ActionService, type PreparedAction } from './action.service.ts';
import { ActionCatalogue } from './action-catalogue.ts';
import { ActionExports } from './action-exports.ts';
import { actionRevert } from './action-revert.ts';
import { ActionSearchService } from './action-search.service.ts';
import { ActionImportService } from './imports/action-import.service.ts';

/** Services of the actions module, built over one database (wired into the application context). */
export interface ActionServices {
  actions: ActionService;
  search: ActionSearchService;
  exports: ActionExports;
  imports: ActionImportService;
  /** How change sets of actions are reverted (`POST /api/lots/{id}/annuler`). */
  revert: RevertableKind<ActionRow, PreparedAction>;
  /** Earlier versions written again from the history. */
  restore: RestorableKind;
}

export function createActionServices(db: Kysely<DB>): ActionServices {
  const repo = new ActionRepository(db);
  const actions = new ActionService(repo, new HistoryRepository(db), new ChangeSetRepository(db));
  const search = new ActionSearchService(new ActionCatalogue(repo), repo);
  return {
    actions,
    search,
    exports: new ActionExports(search),
    imports: new ActionImportService(actions, repo),
    revert: actionRevert(repo, actions),
    restore: restoredThroughUpdate({
      entite: 'action',
      permission: 'actions',
      schema: actionInput,
      update: (actor, id, input, expected, how) => actions.update(actor, id, input, expected, how),
      recreate: (actor, id, input, version) => actions.recreate(actor, id, input, version),
    }),
  };
}
