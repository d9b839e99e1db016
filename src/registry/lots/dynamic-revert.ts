import { type DynamicInput, dynamicInput } from '../../domain/registry/schemas.ts';
import type { Restorer, RevertableKind } from '../../kernel/changesets/revertable-kind.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import { recordedDay } from '../registry.presenter.ts';
import type { DynamicRow, DynamicWrite, RegistryRepository } from '../registry.repository.ts';
import { deleteDynamics, updateDynamics } from '../registry-bulk.repository.ts';

/** From this many records to restore, the reference is read once rather than asked about each record. */
const IN_MEMORY_REFERENCE_ROWS = 100;

/** How a change set's dynamics are reverted: deleted when it created them, rewritten when it modified them. */
export function dynamicRevert(
  repo: RegistryRepository,
  writer: DynamicWriter,
): RevertableKind<DynamicRow, DynamicWrite> {
  const restorerWith =
    (w: DynamicWriter): Restorer<DynamicRow, DynamicWrite> =>
    async (before, current) => {
      const parsed = dynamicInput.safeParse(before);
      if (!parsed.success) return null;
      return {
        document: parsed.data,
        restored: await w.build(current.id, parsed.data as DynamicInput, recordedDay(current)),
      };
    };
  return {
    entite: 'dynamique',
    plural: 'dynamique(s)',
    feminine: true,
    describe: (row) => `« ${row.nom} » (${row.id})`,
    findByIds: (ids) => repo.findByIds(ids),
    document: (row) => row.document,
    restorable: restorerWith(writer),
    async restorer(count) {
      return restorerWith(count >= IN_MEMORY_REFERENCE_ROWS ? await writer.withReferenceInMemory() : writer);
    },
    async begin(trx) {
      return {
        remove: (row) => repo.delete(trx, row.id, row.version),
        restore: (row, write) => repo.update(trx, write, row.version),
        removeMany: (rows) => deleteDynamics(trx, rows),
        restoreMany: (items) =>
          updateDynamics(
            trx,
            items.map(({ row, restored }) => ({ write: restored, expectedVersion: row.version })),
          ),
      };
    },
  };
}
