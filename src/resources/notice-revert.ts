import { type NoticeInput, noticeInput } from '../domain/resources/schemas.ts';
import type { RevertableKind } from '../kernel/changesets/revertable-kind.ts';
import type { NoticeRepository, NoticeRow } from './notice.repository.ts';

/**
 * How a change set's notices (an import, the seed references) are reverted: deleted when it created them,
 * restored to their version before it when it modified them.
 */
export function noticeRevert(
  repo: NoticeRepository,
  /** Told after the revert (the search index then refreshes). */
  onChange: () => void,
): RevertableKind<NoticeRow, NoticeInput> {
  return {
    entite: 'notice',
    plural: 'notice(s)',
    feminine: true,
    describe: (row) => `« ${(row.document as NoticeInput).titre} » (${row.id})`,
    findByIds: (ids) => repo.findByIds(ids),
    document: (row) => row.document,
    async restorable(before) {
      const parsed = noticeInput.safeParse(before);
      if (!parsed.success) return null;
      // A dynamic deleted since cannot be linked again: the restored notice drops that link.
      const known = await repo.knownDynamics(parsed.data.dynamiques);
      const restored = { ...parsed.data, dynamiques: parsed.data.dynamiques.filter((d) => known.has(d)) };
      return { document: restored, restored };
    },
    async begin(trx) {
      // One generation for the whole revert: the search index sees it as one change.
      const generation = await repo.nextGeneration(trx);
      return {
        remove: (row) => repo.delete(trx, row.id, row.version, generation),
        restore: (row, notice) => repo.update(trx, { id: row.id, notice }, row.version, generation),
      };
    },
    reverted: onChange,
  };
}
