import { dynamicInput } from '../../domain/registry/schemas.ts';
import { type RestorableKind, restoredThroughUpdate } from '../../kernel/history/restore.ts';
import type { RegistryService } from '../registry.service.ts';

/** Dynamics brought back to an earlier version from the history, through the registry's own update. */
export function dynamicRestore(registry: RegistryService): RestorableKind {
  return restoredThroughUpdate({
    entite: 'dynamique',
    permission: 'registre',
    schema: dynamicInput,
    update: (actor, id, input, expected, how) => registry.update(actor, id, input, expected, how),
    recreate: (actor, id, input, version) => registry.recreate(actor, id, input, version),
  });
}
