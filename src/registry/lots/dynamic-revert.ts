import { type DynamicInput, dynamicInput } from '../../domain/registry/schemas.ts';
import type { RevertableKind } from '../../kernel/changesets/revertable-kind.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import { recordedDay } from '../registry.presenter.ts';
import type { DynamicRow, DynamicWrite, RegistryRepository } from '../registry.repository.ts';

/** How a change set's dynamics are reverted: deleted when it created them, rewritten when it modified them. */
export function dynamicRevert(
  repo: RegistryRepository,
  writer: DynamicWriter,
): RevertableKind<DynamicRow, DynamicWrite> {
  return {
    entite: 'dynamique',
    plural: 'dynamique(s)',
    feminine: true,
    describe: (row) => `« ${row.nom} » (${row.id})`,
    findByIds: (ids) => repo.findByIds(ids),
    document: (row) => row.document,
    async restorable(before, current) {
      const parsed = dynamicInput.safeParse(before);
      if (!parsed.success) return null;
      return {
        document: parsed.data,
        restored: await writer.build(current.id, parsed.data as DynamicInput, recordedDay(current)),
      };
    },
    async begin(trx) {
      return {
        remove: (row) => repo.delete(trx, row.id, row.version),
        restore: (row, write) => repo.update(trx, write, row.version),
      };
    },
  };
}
