import { type Actor, actorLabel } from '../domain/actor.ts';
import { conflict } from '../domain/errors.ts';
import { type NoticeInput, noticeInput } from '../domain/resources/schemas.ts';
import type { HistoryEntry, HistoryRepository } from '../registry/history.repository.ts';
import type { LotEntry, LotRepository } from '../registry/lots/lot.repository.ts';
import { historySnapshot } from './notice.presenter.ts';
import type { NoticeRepository, NoticeRow } from './notice.repository.ts';

const ENTITY = 'notice';

/** What reverting one notice of a change set does. */
type Step =
  | { kind: 'delete'; current: NoticeRow }
  | { kind: 'restore'; current: NoticeRow; previous: NoticeInput };

/**
 * Reverts a change set of notices (an import, the seed references): deletes the notices it created,
 * restores those it modified to their version before it, in one transaction; refused while any of them
 * was changed since.
 */
export class NoticeLotReverter {
  constructor(
    private readonly repo: NoticeRepository,
    private readonly history: HistoryRepository,
    private readonly lots: LotRepository,
    /** Told after the revert (the search index then refreshes). */
    private readonly onChange: () => void,
  ) {}

  async revert(actor: Actor, lot: string) {
    const steps = await this.plan(await this.lots.entries(lot, ENTITY));
    const auteur = actorLabel(actor);
    await this.repo.transaction(async (trx) => {
      const generation = await this.repo.nextGeneration(trx);
      const entries: HistoryEntry[] = [];
      for (const step of steps) {
        const { current } = step;
        const done =
          step.kind === 'delete'
            ? await this.repo.delete(trx, current.id, current.version, generation)
            : await this.repo.update(
                trx,
                { id: current.id, notice: step.previous },
                current.version,
                generation,
              );
        if (!done) throw modifiedSince([current]);
        entries.push({
          entite: ENTITY,
          entiteId: current.id,
          action: 'annulation',
          auteur,
          lot,
          avant: historySnapshot(current.id, current.version, current.document as NoticeInput),
          apres:
            step.kind === 'delete' ? null : historySnapshot(current.id, current.version + 1, step.previous),
        });
      }
      await this.history.recordMany(trx, entries);
      if (!(await this.lots.markReverted(trx, lot, auteur))) {
        throw conflict('Ce lot vient d’être annulé par ailleurs');
      }
    });
    this.onChange();
    return {
      lot,
      supprimees: steps.filter((s) => s.kind === 'delete').length,
      restaurees: steps.filter((s) => s.kind === 'restore').length,
    };
  }

  /** Checks every notice is as the change set left it, and prepares the restored versions. */
  private async plan(entries: LotEntry[]): Promise<Step[]> {
    const byRecord = new Map<string, { first: LotEntry; last: LotEntry }>();
    for (const e of entries) {
      const seen = byRecord.get(e.entite_id);
      byRecord.set(e.entite_id, { first: seen?.first ?? e, last: e });
    }
    const rows = new Map((await this.repo.findByIds([...byRecord.keys()])).map((r) => [r.id, r]));
    const steps: Step[] = [];
    const changed: { id: string; titre: string | null }[] = [];
    for (const [id, { first, last }] of byRecord) {
      const current = rows.get(id);
      const leftAt = (last.apres as { version?: number } | null)?.version;
      if (!current || current.version !== leftAt) {
        changed.push({ id, titre: current ? (current.document as NoticeInput).titre : null });
        continue;
      }
      if (first.action === 'creation') {
        steps.push({ kind: 'delete', current });
        continue;
      }
      const {
        id: _id,
        version: _v,
        ...before
      } = first.avant as NoticeInput & { id: string; version: number };
      const parsed = noticeInput.safeParse(before);
      if (!parsed.success) {
        throw conflict(
          `La version d’avant le lot de la notice ${id} n’est plus valide : annulation impossible`,
        );
      }
      // A dynamic deleted since cannot be linked again: the restored notice drops that link.
      const known = await this.repo.knownDynamics(parsed.data.dynamiques);
      const previous = { ...parsed.data, dynamiques: parsed.data.dynamiques.filter((d) => known.has(d)) };
      steps.push({ kind: 'restore', current, previous });
    }
    if (changed.length > 0) throw modifiedSince(changed);
    return steps;
  }
}

function modifiedSince(records: { id: string; titre?: string | null; document?: unknown }[]) {
  const names = records
    .slice(0, 5)
    .map((r) => {
      const titre = r.titre ?? (r.document as NoticeInput | undefined)?.titre;
      return titre ? `« ${titre} » (${r.id})` : `${r.id} (supprimée depuis)`;
    })
    .join(', ');
  const more = records.length > 5 ? ` et ${records.length - 5} autres` : '';
  return conflict(
    `Annulation impossible : ${records.length} notice(s) modifiée(s) ou supprimée(s) depuis ce lot — ` +
      `${names}${more}. Corrigez-les à la main ou annulez d’abord les modifications plus récentes.`,
  );
}
