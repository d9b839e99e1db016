import type { Actor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Who may write which dynamic, beyond the route's permission: a coordinator only the dynamics attached to
 * the account (never a new one), a regional team only dynamics touching one of its régions. Administrators,
 * unrestricted regional teams and system actors (CLI, start-up) are not limited.
 */
export async function assertMayWriteDynamic(
  actor: Actor,
  /** Communes read lazily: only a regional scope needs them, so other writers pay no query. */
  target: { id: string | null; communes: string[] | (() => Promise<string[]>) }[],
  regionsOf: (communes: string[]) => Promise<Set<string>>,
): Promise<void> {
  if (actor.kind !== 'user' || actor.role === 'administrateur') return;
  if (actor.role === 'coordinateur') {
    for (const t of target) {
      if (!t.id || !actor.dynamiques.includes(t.id)) {
        throw new AppError(
          'forbidden',
          t.id
            ? 'Vous ne pouvez modifier que les dynamiques rattachées à votre compte'
            : 'Un compte de coordination ne crée pas de dynamique : demandez-le à votre équipe régionale',
        );
      }
    }
    return;
  }
  if (actor.role === 'equipe_regionale' && actor.regions.length > 0) {
    for (const t of target) {
      const communes = typeof t.communes === 'function' ? await t.communes() : t.communes;
      const regions = await regionsOf(communes);
      if (!actor.regions.some((r) => regions.has(r))) {
        throw new AppError(
          'forbidden',
          `Cette dynamique est hors de vos régions (${actor.regions.join(', ')}) : vous ne pouvez pas la modifier`,
        );
      }
    }
  }
}
