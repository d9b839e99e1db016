import { type Actor, actorLabel } from '../../domain/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';
import type { HistoryEntry, HistoryRepository, StoredHistoryEntry } from '../history/history.repository.ts';
import type { ChangeSetRepository, ChangeSetRow } from './change-set.repository.ts';
import type { LongWrites } from './long-writes.ts';
import { planRevert, type RevertStep } from './revert-plan.ts';
import type { RevertableKind, RevertWriter } from './revertable-kind.ts';

/** Records read per query while planning: each query runs without a pause on PGlite. */
const FIND_CHUNK = 1000;

type AnyKind = RevertableKind<{ id: string; version: number }, unknown>;
type Row = { id: string; version: number };

export function presentChangeSet(l: ChangeSetRow) {
  return {
    id: l.id,
    date: l.date.toISOString(),
    auteur: l.auteur,
    description: l.description,
    nombre: l.nombre,
    annule: l.annule_le !== null,
    annuleLe: l.annule_le?.toISOString() ?? null,
    annulePar: l.annule_par,
  };
}

interface KindPlan {
  kind: AnyKind;
  steps: { step: RevertStep<Row>; restored?: { document: unknown; restored: unknown } }[];
}

/** Change sets of every kind of record: list them, and revert one while none of its records changed since. */
export class ChangeSetService {
  private readonly kinds = new Map<string, AnyKind>();

  constructor(
    private readonly lots: ChangeSetRepository,
    private readonly history: HistoryRepository,
    private readonly longWrites?: LongWrites,
  ) {}

  /** Lets change sets that wrote `kind.entite` records be reverted. */
  register<R extends Row, S>(kind: RevertableKind<R, S>): void {
    this.kinds.set(kind.entite, kind as unknown as AnyKind);
  }

  async list(_actor: Actor, query: { page: number; limit: number; entite?: string }) {
    const { total, rows } = await this.lots.list(query.page, query.limit, query.entite);
    return { total, page: query.page, limit: query.limit, items: rows.map(presentChangeSet) };
  }

  async get(_actor: Actor, id: string) {
    const lot = await this.lots.findById(id);
    if (!lot) throw notFound(`Aucun lot de modifications avec l’identifiant « ${id} »`);
    return presentChangeSet(lot);
  }

  async revert(actor: Actor, id: string) {
    const lot = await this.get(actor, id);
    if (lot.annule) {
      throw conflict(`Ce lot a déjà été annulé le ${lot.annuleLe?.slice(0, 10)} par ${lot.annulePar}`);
    }
    const auteur = actorLabel(actor);
    // Reading the lot's history and its records is long too: readers answer from memory from the start.
    const write = async () => {
      const plans = await this.plan(await this.history.writesOfLot(id));
      await this.lots.transaction(async (trx) => {
        for (const { kind, steps } of plans) {
          const missed = await writeSteps(await kind.begin(trx), steps);
          if (missed.length > 0) throw modifiedSince(kind, missed);
          await this.history.recordMany(
            trx,
            steps.map(({ step, restored }) => revertEntry(kind, step, restored?.document, id, auteur)),
          );
        }
        if (!(await this.lots.markReverted(trx, id, auteur))) {
          throw conflict('Ce lot vient d’être annulé par ailleurs');
        }
      });
      return plans;
    };
    const plans = await (this.longWrites ? this.longWrites.run(write) : write());
    for (const { kind } of plans) kind.reverted?.();
    const count = (k: 'delete' | 'restore') =>
      plans.reduce((n, p) => n + p.steps.filter((s) => s.step.kind === k).length, 0);
    return { lot: id, supprimees: count('delete'), restaurees: count('restore') };
  }

  private async plan(writes: StoredHistoryEntry[]): Promise<KindPlan[]> {
    // Grouped in place: a change set can hold tens of thousands of writes.
    const byKind = new Map<string, StoredHistoryEntry[]>();
    for (const w of writes) {
      const list = byKind.get(w.entite);
      if (list) list.push(w);
      else byKind.set(w.entite, [w]);
    }
    const plans: KindPlan[] = [];
    for (const [entite, kindWrites] of byKind) {
      const kind = this.kinds.get(entite);
      if (!kind) throw conflict(`Ce lot contient des « ${entite} », qui ne peuvent pas être annulés`);
      const ids = [...new Set(kindWrites.map((w) => w.entite_id))];
      const rows = new Map<string, Row>();
      for (let i = 0; i < ids.length; i += FIND_CHUNK) {
        for (const r of await kind.findByIds(ids.slice(i, i + FIND_CHUNK))) rows.set(r.id, r);
        await yieldToEventLoop();
      }
      const { steps, changedSince } = planRevert(kindWrites, rows);
      if (changedSince.length > 0) throw modifiedSince(kind, changedSince);
      const planned: KindPlan['steps'] = [];
      // Restoring thousands of records: the kind may prepare once (its reference read into memory).
      const restores = steps.filter((s) => s.kind === 'restore').length;
      const restore = kind.restorer ? await kind.restorer(restores) : kind.restorable.bind(kind);
      for (const step of steps) {
        if (step.kind === 'delete') {
          planned.push({ step });
          continue;
        }
        const { id: _id, version: _v, ...before } = step.before as { id: string; version: number };
        const restored = await restore(before, step.current);
        if (!restored) {
          throw conflict(
            `La version d’avant le lot de ${kind.describe(step.current)} n’est plus valide : annulation impossible`,
          );
        }
        planned.push({ step, restored });
        if (planned.length % 100 === 0) await yieldToEventLoop();
      }
      plans.push({ kind, steps: planned });
    }
    return plans;
  }
}

function modifiedSince(kind: AnyKind, records: ({ id: string; current: Row | undefined } | Row)[]) {
  const names = records
    .slice(0, 5)
    .map((r) => {
      const row = 'current' in r ? r.current : r;
      return row ? kind.describe(row) : `${r.id} (${kind.feminine ? 'supprimée' : 'supprimé'} depuis)`;
    })
    .join(', ');
  const more = records.length > 5 ? ` et ${records.length - 5} autres` : '';
  const agreed = kind.feminine ? 'modifiée(s) ou supprimée(s)' : 'modifié(s) ou supprimé(s)';
  return conflict(
    `Annulation impossible : ${records.length} ${kind.plural} ${agreed} depuis ce lot — ` +
      `${names}${more}. Corrigez-les à la main ou annulez d’abord les modifications plus récentes.`,
  );
}

type PlannedStep = KindPlan['steps'][number];

/** Writes the steps of one kind, set-based when the kind can; answers the records whose version moved. */
async function writeSteps(writer: RevertWriter<Row, unknown>, steps: PlannedStep[]): Promise<Row[]> {
  const removals = steps.filter((s) => s.step.kind === 'delete').map((s) => s.step.current);
  const restores = steps
    .filter((s) => s.step.kind === 'restore')
    .map((s) => ({ row: s.step.current, restored: s.restored?.restored }));
  const missedIds = new Set<string>();
  if (writer.removeMany) {
    for (const id of await writer.removeMany(removals)) missedIds.add(id);
  } else {
    for (const row of removals) if (!(await writer.remove(row))) missedIds.add(row.id);
  }
  if (writer.restoreMany) {
    for (const id of await writer.restoreMany(restores)) missedIds.add(id);
  } else {
    for (const { row, restored } of restores)
      if (!(await writer.restore(row, restored))) missedIds.add(row.id);
  }
  return steps.map((s) => s.step.current).filter((row) => missedIds.has(row.id));
}

function revertEntry(
  kind: AnyKind,
  step: RevertStep<Row>,
  restoredDocument: unknown,
  lot: string,
  auteur: string,
): HistoryEntry {
  const { current } = step;
  return {
    entite: kind.entite,
    entiteId: current.id,
    action: 'annulation',
    auteur,
    lot,
    source: 'annulation',
    version: step.kind === 'delete' ? current.version : current.version + 1,
    avant: { id: current.id, version: current.version, ...(kind.document(current) as object) },
    apres:
      step.kind === 'delete'
        ? null
        : { id: current.id, version: current.version + 1, ...(restoredDocument as object) },
  };
}
