import { type Actor, actorLabel } from '../../domain/actor.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { DUPLICATE_REASON_LABELS } from '../../domain/resources/dedup.ts';
import { type NoticeMergeInput, repointSelection } from '../../domain/resources/notice-merge.ts';
import type { NoticeMergeResult, NoticePairs } from '../../domain/resources/responses.ts';
import type { NoticeInput } from '../../domain/resources/schemas.ts';
import type { SelectionInput } from '../../domain/resources/selection-schemas.ts';
import type { HistoryEntry, HistoryRepository } from '../../kernel/history/history.repository.ts';
import { historySnapshot, presentNotice } from '../notice.presenter.ts';
import type { NoticeRepository, NoticeRow } from '../notice.repository.ts';
import type { NoticeService } from '../notice.service.ts';
import { selectionSnapshot } from '../selections/selection.presenter.ts';
import type { SelectionRepository } from '../selections/selection.repository.ts';
import type { NoticePairsRepository } from './notice-pairs.repository.ts';

const PAIR_LABELS = {
  doi: DUPLICATE_REASON_LABELS.doi,
  url: DUPLICATE_REASON_LABELS.url,
  titre: 'titres proches',
} as const;

const stale = (row: NoticeRow) =>
  new AppError(
    'precondition_failed',
    `La notice « ${(row.document as NoticeInput).titre} » a été modifiée entre-temps (version actuelle ${row.version}) : ` +
      'rechargez les deux notices avant de fusionner',
  );

/**
 * Candidate duplicates of the stored notices, and their merge: the notice kept takes the values chosen
 * field by field, the other is deleted, and the sélections that cited it now cite the one kept — one
 * transaction, recorded in the history of each record touched (action `fusion`).
 */
export class NoticeMergeService {
  constructor(
    private readonly pairs: NoticePairsRepository,
    private readonly repo: NoticeRepository,
    private readonly selections: SelectionRepository,
    private readonly history: HistoryRepository,
    private readonly notices: NoticeService,
    private readonly onChange: () => void,
  ) {}

  async candidates(_actor: Actor, query: { similarite: number; limit: number }): Promise<NoticePairs> {
    const pairs = await this.pairs.candidates(query.similarite, query.limit);
    const rows = new Map(
      (await this.repo.findByIds([...new Set(pairs.flatMap((p) => [p.a, p.b]))])).map((r) => [r.id, r]),
    );
    const items: NoticePairs['items'] = [];
    for (const p of pairs) {
      let a = rows.get(p.a);
      let b = rows.get(p.b);
      // Older first: the notice most likely cited already is offered as the one to keep.
      if (a && b && b.cree_le < a.cree_le) [a, b] = [b, a];
      if (a && b)
        items.push({
          a: presentNotice(a),
          b: presentNotice(b),
          motif: p.motif,
          libelle: PAIR_LABELS[p.motif],
          similarite: p.similarite,
        });
    }
    return { items };
  }

  async merge(actor: Actor, input: NoticeMergeInput): Promise<NoticeMergeResult> {
    const [kept, removed] = await Promise.all([
      this.repo.findById(input.garder.id),
      this.repo.findById(input.retirer.id),
    ]);
    if (!kept) throw notFound(`Aucune notice avec l’identifiant « ${input.garder.id} »`);
    if (!removed) throw notFound(`Aucune notice avec l’identifiant « ${input.retirer.id} »`);
    if (kept.version !== input.garder.version) throw stale(kept);
    if (removed.version !== input.retirer.version) throw stale(removed);
    const before = kept.document as NoticeInput;
    const gone = removed.document as NoticeInput;
    // Links either notice already had are not checked again (a dynamic deleted since must not block).
    const errors = await this.notices.checkLinks(input.notice, {
      ...before,
      dynamiques: [...before.dynamiques, ...gone.dynamiques],
      territoires: [...before.territoires, ...gone.territoires],
    });
    if (Object.keys(errors).length > 0) {
      const first = Object.entries(errors)[0] as [string, string];
      throw invalid(`Données invalides — ${first[0]} : ${first[1]}`, errors);
    }
    const auteur = actorLabel(actor);
    const entry = (e: Omit<HistoryEntry, 'auteur' | 'lot' | 'action'>): HistoryEntry => ({
      ...e,
      auteur,
      lot: null,
      action: 'fusion',
      source: 'interactif',
    });
    const repointed: { id: string; titre: string }[] = [];
    await this.repo.transaction(async (trx) => {
      const generation = await this.repo.nextGeneration(trx);
      const next = { id: kept.id, notice: input.notice };
      if (!(await this.repo.update(trx, next, kept.version, generation))) throw stale(kept);
      if (!(await this.repo.delete(trx, removed.id, removed.version, generation))) throw stale(removed);
      const entries: HistoryEntry[] = [
        entry({
          entite: 'notice',
          entiteId: kept.id,
          avant: historySnapshot(kept.id, kept.version, before),
          apres: historySnapshot(kept.id, kept.version + 1, input.notice),
        }),
        entry({
          entite: 'notice',
          entiteId: removed.id,
          version: removed.version,
          avant: { ...historySnapshot(removed.id, removed.version, gone), fusionneeDans: kept.id },
          apres: null,
        }),
      ];
      for (const row of await this.selections.mentioning(removed.id, trx)) {
        const current = row.document as SelectionInput;
        const updated = repointSelection(current, removed.id, kept.id);
        if (!updated) continue;
        if (!(await this.selections.update(trx, row.id, updated, row.version))) {
          throw new AppError(
            'conflict',
            `La sélection « ${current.titre} » a changé pendant la fusion : recommencez`,
          );
        }
        repointed.push({ id: row.id, titre: current.titre });
        entries.push(
          entry({
            entite: 'selection',
            entiteId: row.id,
            avant: selectionSnapshot(row.id, row.version, current),
            apres: selectionSnapshot(row.id, row.version + 1, updated),
          }),
        );
      }
      await this.history.recordMany(trx, entries);
    });
    this.onChange();
    return { notice: await this.notices.get(actor, kept.id), selections: repointed };
  }
}
