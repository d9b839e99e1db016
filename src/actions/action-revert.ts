import { type ActionInput, actionInput } from '../domain/actions/schemas.ts';
import type { RevertableKind } from '../kernel/changesets/revertable-kind.ts';
import type { ActionRepository, ActionRow } from './action.repository.ts';
import type { ActionService, PreparedAction } from './action.service.ts';

/**
 * How a change set's actions (an import) are reverted: deleted when it created them, restored to their
 * version before it when it modified them (derived places and dynamics computed again).
 */
export function actionRevert(
  repo: ActionRepository,
  actions: ActionService,
): RevertableKind<ActionRow, PreparedAction> {
  return {
    entite: 'action',
    plural: 'action(s)',
    feminine: true,
    describe: (row) => `« ${(row.document as ActionInput).titre} » (${row.id})`,
    findByIds: (ids) => repo.findByIds(ids),
    document: (row) => row.document,
    async restorable(before, current) {
      const parsed = actionInput.safeParse(before);
      if (!parsed.success) return null;
      const { prepared, errors } = await actions.prepare([{ action: parsed.data, previous: current }]);
      const p = prepared[0];
      if (!p || Object.keys(errors).length > 0) return null;
      return { document: p.action, restored: p };
    },
    async begin(trx) {
      const generation = await repo.nextGeneration(trx);
      return {
        remove: (row) => repo.delete(trx, row.id, row.version, generation),
        restore: (row, p) => repo.update(trx, { id: row.id, ...p }, row.version, generation),
      };
    },
  };
}
