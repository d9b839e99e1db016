import type { ActionGeography } from '../domain/actions/catalogue-action.ts';
import type { ActionInput } from '../domain/actions/schemas.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';

export interface ScopedAction {
  action: ActionInput;
  geo: ActionGeography;
  creePar: string | null;
}

/** The account id recorded as the creator of an action (null for the CLI and start-up loaders). */
export const creatorOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.id : null);

/**
 * Who may write which action, beyond the route's `actions` permission: a coordinator the actions they
 * entered and those involving a dynamic attached to their account (any new action); a regional team
 * limited to régions the actions placed in one of them, or placed nowhere yet. Administrators and
 * system actors are not limited.
 */
export function assertMayWriteAction(actor: Actor, target: ScopedAction): void {
  if (actor.kind !== 'user' || actor.role === 'administrateur') return;
  if (actor.role === 'coordinateur') {
    const own = target.creePar === actor.id;
    const ofTheirDynamics = target.action.dynamiques.some((d) => actor.dynamiques.includes(d.id));
    if (!own && !ofTheirDynamics) {
      throw new AppError(
        'forbidden',
        'Vous ne pouvez modifier que les actions que vous avez saisies ou celles des dynamiques rattachées à votre compte',
      );
    }
    return;
  }
  if (actor.role === 'equipe_regionale' && actor.regions.length > 0) {
    const placed = target.geo.regions;
    if (placed.length > 0 && !actor.regions.some((r) => placed.includes(r))) {
      throw new AppError(
        'forbidden',
        `Cette action est hors de vos régions (${actor.regions.join(', ')}) : vous ne pouvez pas la modifier`,
      );
    }
  }
}
