import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import { can, PERMISSIONS, type Permission, rolesWith } from './roles.ts';

/** 401 for anonymous callers, 403 for those whose role lacks the permission (same words everywhere). */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'Connexion requise : connectez-vous ou utilisez un jeton d’API');
  }
  if (!can(actor, permission)) {
    const roles = rolesWith(permission).join(', ');
    throw new AppError(
      'forbidden',
      `Action non autorisée pour votre rôle : ${PERMISSIONS[permission]} (rôles : ${roles})`,
    );
  }
}
