import { type Actor, actorLabel } from '../../domain/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { type DynamicInput, dynamicInput } from '../../domain/registry/schemas.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import type { HistoryRepository } from '../history.repository.ts';
import { historySnapshot } from '../registry.presenter.ts';
import type { DynamicRow, DynamicWrite, RegistryRepository } from '../registry.repository.ts';
import type { LotEntry, LotRepository } from './lot.repository.ts';

export interface LotDeps {
  lots: LotRepository;
  repo: RegistryRepository;
  history: HistoryRepository;
  writer: DynamicWriter;
}

/** Reverts a whole change set of another module in one transaction, marking it reverted. */
export type LotReverter = (
  actor: Actor,
  lot: string,
) => Promise<{ lot: string; supprimees: number; restaurees: number }>;

/** What reverting one record of a lot does: delete what the lot created, restore what it modified. */
type Step =
  | { kind: 'delete'; current: DynamicRow }
  | { kind: 'restore'; current: DynamicRow; previous: DynamicInput; write: DynamicWrite };

function presentLot(l: {
  id: string;
  auteur: string;
  date: Date;
  description: string;
  nombre: number;
  annule_le: Date | null;
  annule_par: string | null;
}) {
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

/** Change sets: list them, and revert one while no record of it was changed since. */
export class LotService {
  /** Reverts change sets of other kinds of records (notices…), registered by their module. */
  private readonly reverters = new Map<string, LotReverter>();

  constructor(private readonly deps: LotDeps) {}

  /** Lets the lots that wrote `entite` records be reverted by `revert`. */
  registerReverter(entite: string, revert: LotReverter): void {
    this.reverters.set(entite, revert);
  }

  async list(_actor: Actor, query: { page: number; limit: number }) {
    const { total, rows } = await this.deps.lots.list(query.page, query.limit);
    return { total, page: query.page, limit: query.limit, items: rows.map(presentLot) };
  }

  async get(_actor: Actor, id: string) {
    const lot = await this.deps.lots.findById(id);
    if (!lot) throw notFound(`Aucun lot de modifications avec l’identifiant « ${id} »`);
    return presentLot(lot);
  }

  async revert(actor: Actor, id: string) {
    const { lots, repo, history } = this.deps;
    const lot = await this.get(actor, id);
    if (lot.annule) {
      throw conflict(`Ce lot a déjà été annulé le ${lot.annuleLe?.slice(0, 10)} par ${lot.annulePar}`);
    }
    for (const entite of await lots.entities(id)) {
      const other = this.reverters.get(entite);
      if (other) return other(actor, id);
    }
    const steps = await this.plan(await lots.entries(id));
    const auteur = actorLabel(actor);
    await repo.transaction(async (trx) => {
      for (const step of steps) {
        const { current } = step;
        const done =
          step.kind === 'delete'
            ? await repo.delete(trx, current.id, current.version)
            : await repo.update(trx, step.write, current.version);
        if (!done) throw modifiedSince([current]);
        await history.record(trx, {
          entite: 'dynamique',
          entiteId: current.id,
          action: 'annulation',
          auteur,
          lot: id,
          avant: historySnapshot(current.id, current.version, current.document as DynamicInput),
          apres:
            step.kind === 'delete' ? null : historySnapshot(current.id, current.version + 1, step.previous),
        });
      }
      if (!(await lots.markReverted(trx, id, auteur)))
        throw conflict('Ce lot vient d’être annulé par ailleurs');
    });
    return {
      lot: id,
      supprimees: steps.filter((s) => s.kind === 'delete').length,
      restaurees: steps.filter((s) => s.kind === 'restore').length,
    };
  }

  /** Checks every record is as the lot left it, and prepares the restored versions. */
  private async plan(entries: LotEntry[]): Promise<Step[]> {
    const byRecord = new Map<string, { first: LotEntry; last: LotEntry }>();
    for (const e of entries) {
      const seen = byRecord.get(e.entite_id);
      byRecord.set(e.entite_id, { first: seen?.first ?? e, last: e });
    }
    const steps: Step[] = [];
    const changed: (DynamicRow | { id: string; nom: null })[] = [];
    for (const [id, { first, last }] of byRecord) {
      const current = await this.deps.repo.findById(id);
      const leftAt = (last.apres as { version?: number } | null)?.version;
      if (!current || current.version !== leftAt) {
        changed.push(current ?? { id, nom: null });
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
      } = first.avant as DynamicInput & { id: string; version: number };
      const parsed = dynamicInput.safeParse(before);
      if (!parsed.success) {
        throw conflict(
          `La version d’avant le lot de « ${current.nom} » (${id}) n’est plus valide : annulation impossible`,
        );
      }
      const write = await this.deps.writer.build(id, parsed.data);
      steps.push({ kind: 'restore', current, previous: parsed.data, write });
    }
    if (changed.length > 0) throw modifiedSince(changed);
    return steps;
  }
}

function modifiedSince(records: { id: string; nom: string | null }[]) {
  const names = records
    .slice(0, 5)
    .map((r) => (r.nom ? `« ${r.nom} » (${r.id})` : `${r.id} (supprimée depuis)`))
    .join(', ');
  const more = records.length > 5 ? ` et ${records.length - 5} autres` : '';
  return conflict(
    `Annulation impossible : ${records.length} dynamique(s) modifiée(s) ou supprimée(s) depuis ce lot — ` +
      `${names}${more}. Corrigez-les à la main ou annulez d’abord les modifications plus récentes.`,
  );
}
