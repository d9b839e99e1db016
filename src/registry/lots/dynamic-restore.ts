import { conflict } from '../../domain/errors.ts';
import { dynamicInput } from '../../domain/registry/schemas.ts';
import type { RestorableKind } from '../../kernel/history/restore.ts';
import type { RegistryService } from '../registry.service.ts';

/** Dynamics brought back to an earlier version from the history, through the registry's own update. */
export function dynamicRestore(registry: RegistryService): RestorableKind {
  return {
    entite: 'dynamique',
    permission: 'registre',
    async restore(actor, id, document, expected) {
      const parsed = dynamicInput.safeParse(document);
      if (!parsed.success) {
        throw conflict(
          'Cette version ne respecte plus les règles de saisie actuelles : restauration impossible',
        );
      }
      const written = await registry.update(actor, id, parsed.data, expected, { action: 'restauration' });
      return { version: written.version };
    },
  };
}
