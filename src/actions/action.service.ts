import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { InvolvedDynamic } from '../domain/actions/catalogue-action.ts';
import { placeAction, suggestSetting } from '../domain/actions/geography.ts';
import type { ActionOut } from '../domain/actions/responses.ts';
import type { ActionInput, ActionTerritory } from '../domain/actions/schemas.ts';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import { conflict, invalid } from '../domain/errors.ts';
import type { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import { presentHistory } from '../kernel/history/history.presenter.ts';
import type { HistoryEntry, HistoryRepository } from '../kernel/history/history.repository.ts';
import { type RecordNoun, VersionedRecords } from '../kernel/versioning/versioned-records.ts';
import { fromRow, historySnapshot, presentAction, todayIso } from './action.presenter.ts';
import type { ActionDerived, ActionRepository, ActionRow, ActionWrite } from './action.repository.ts';
import { assertMayWriteAction, creatorOf } from './action-scope.ts';

export type FieldErrors = Record<string, string>;

/** A change of a stored action inside a change set: optimistic on the version read. */
export interface ActionChange {
  id: string;
  action: ActionInput;
  derived: ActionDerived;
  current: ActionRow;
}

/** An input checked against the reference and the registry, ready to write. */
export interface PreparedAction {
  action: ActionInput;
  derived: ActionDerived;
}

export const ACTION_ENTITY = 'action';
const ACTION: RecordNoun = {
  subject: 'L’action',
  feminine: true,
  missing: (id) => `Aucune action avec l’identifiant « ${id} »`,
};

export function describeErrors(errors: FieldErrors): string {
  const parts = Object.entries(errors).map(([f, m]) => `${f} : ${m}`);
  return `Données invalides — ${parts.slice(0, 5).join(' ; ')}${parts.length > 5 ? ` (et ${parts.length - 5} autres)` : ''}`;
}

/** Actions and experiences: CRUD with optimistic concurrency, scopes, history and change sets. */
export class ActionService {
  private readonly records: VersionedRecords<ActionRow, Transaction<DB>>;

  constructor(
    private readonly repo: ActionRepository,
    private readonly history: HistoryRepository,
    private readonly lots: ChangeSetRepository,
  ) {
    this.records = new VersionedRecords({
      noun: ACTION,
      read: (id, trx) => repo.findById(id, trx),
      transaction: (run) => repo.transaction(run),
    });
  }

  async get(_actor: Actor, id: string): Promise<ActionOut> {
    return presentAction(fromRow(await this.records.require(id)), todayIso());
  }

  /**
   * Checks inputs against the reference (territory codes) and the registry (dynamics), notices linked
   * included, fills the setting when it was not given, and derives what the catalogue needs. Links already
   * in the previous version are not checked again, so that a dynamic deleted since does not block an edit.
   * Errors are keyed like the input, after `prefix(i)`.
   */
  async prepare(
    inputs: { action: ActionInput; previous: ActionRow | null }[],
    prefix: (i: number) => string = () => '',
  ): Promise<{ prepared: PreparedAction[]; errors: FieldErrors }> {
    const errors: FieldErrors = {};
    const facts = await this.repo.referenceFacts({
      communes: inputs.flatMap((x) => x.action.territoire.communes),
      epci: inputs.flatMap((x) => x.action.territoire.epci),
      qpv: inputs.flatMap((x) => x.action.territoire.qpv),
    });
    const dynamics = await this.repo.dynamics([
      ...new Set(inputs.flatMap((x) => x.action.dynamiques.map((d) => d.id))),
    ]);
    const notices = await this.repo.knownNotices([...new Set(inputs.flatMap((x) => x.action.ressources))]);
    const prepared = inputs.map(({ action, previous }, i) => {
      const before = previous ? fromRow(previous) : null;
      const placed = placeAction(action.territoire, facts, prefix(i));
      Object.assign(errors, placed.errors);
      const involved = action.dynamiques.map((d, j): InvolvedDynamic => {
        const known = dynamics.get(d.id);
        const earlier = before?.dynamiques.find((x) => x.id === d.id);
        if (!known && !earlier) errors[`${prefix(i)}dynamiques.${j}.id`] = `dynamique inconnue : ${d.id}`;
        return {
          id: d.id,
          role: d.role,
          type: known?.type ?? earlier?.type ?? null,
          nom: known?.nom ?? earlier?.nom ?? null,
        };
      });
      action.ressources.forEach((r, j) => {
        if (!notices.has(r) && !before?.doc.ressources.includes(r))
          errors[`${prefix(i)}ressources.${j}`] = `notice inconnue : ${r}`;
      });
      const milieu =
        action.milieu ??
        (isEmpty(action.territoire) ? null : suggestSetting(action.territoire, facts).milieu);
      return { action: { ...action, milieu }, derived: { geo: placed.geo, dynamiques: involved } };
    });
    return { prepared, errors };
  }

  /** The setting suggested for a territory (`GET /api/actions/milieu`). */
  async suggestSetting(_actor: Actor, territory: ActionTerritory) {
    const facts = await this.repo.referenceFacts(territory);
    const { errors } = placeAction(territory, facts);
    if (Object.keys(errors).length > 0) throw invalid(describeErrors(errors), errors);
    return suggestSetting(territory, facts);
  }

  async create(actor: Actor, input: ActionInput, options: { id?: string } = {}): Promise<ActionOut> {
    return this.insertOne(actor, options.id ?? randomUUID(), input, 1);
  }

  /** A deleted action written again from its history, under its id, at `version`. */
  recreate(actor: Actor, id: string, input: ActionInput, version: number): Promise<ActionOut> {
    return this.insertOne(actor, id, input, version);
  }

  private async insertOne(actor: Actor, id: string, input: ActionInput, version: number) {
    assertPermission(actor, 'actions');
    const { prepared, errors } = await this.prepare([{ action: input, previous: null }]);
    if (Object.keys(errors).length > 0) throw invalid(describeErrors(errors), errors);
    const p = prepared[0] as PreparedAction;
    const creePar = creatorOf(actor);
    assertMayWriteAction(actor, { action: p.action, geo: p.derived.geo, creePar });
    await this.repo.transaction(async (trx) => {
      const generation = await this.repo.nextGeneration(trx);
      await this.repo.insertMany(trx, [{ id, ...p, creePar }], generation);
      if (version !== 1) await this.repo.setVersion(trx, id, version);
      const action = version === 1 ? 'creation' : 'restauration';
      await this.history.record(
        trx,
        this.entry(actor, id, action, null, null, historySnapshot(id, version, p.action)),
      );
    });
    return this.get(actor, id);
  }

  /** `how.action`: `restauration` when an earlier version is written again from the history. */
  async update(
    actor: Actor,
    id: string,
    input: ActionInput,
    expected: number,
    how: { action?: 'modification' | 'restauration' } = {},
  ): Promise<ActionOut> {
    assertPermission(actor, 'actions');
    await this.records.write(id, expected, async (current) => {
      const before = fromRow(current);
      assertMayWriteAction(actor, { action: before.doc, geo: before.geo, creePar: current.cree_par });
      const { prepared, errors } = await this.prepare([{ action: input, previous: current }]);
      if (Object.keys(errors).length > 0) throw invalid(describeErrors(errors), errors);
      const p = prepared[0] as PreparedAction;
      assertMayWriteAction(actor, { action: p.action, geo: p.derived.geo, creePar: current.cree_par });
      return async (trx) => {
        const generation = await this.repo.nextGeneration(trx);
        if (!(await this.repo.update(trx, { id, ...p }, expected, generation))) return false;
        await this.history.record(
          trx,
          this.entry(
            actor,
            id,
            how.action ?? 'modification',
            null,
            historySnapshot(id, current.version, before.doc),
            historySnapshot(id, expected + 1, p.action),
          ),
        );
        return true;
      };
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string, expected: number): Promise<void> {
    assertPermission(actor, 'actions');
    await this.records.write(id, expected, (current) => {
      const before = fromRow(current);
      assertMayWriteAction(actor, { action: before.doc, geo: before.geo, creePar: current.cree_par });
      return async (trx) => {
        const generation = await this.repo.nextGeneration(trx);
        if (!(await this.repo.delete(trx, id, expected, generation))) return false;
        const snapshot = historySnapshot(id, current.version, before.doc);
        await this.history.record(trx, this.entry(actor, id, 'suppression', null, snapshot, null));
        return true;
      };
    });
  }

  async historyOf(_actor: Actor, id: string) {
    const entries = await this.history.forEntity(ACTION_ENTITY, id);
    if (entries.length === 0) await this.records.require(id);
    return presentHistory(entries);
  }

  /** Creations and changes in one transaction and one change set (`lot`); returns the change set's id. */
  async applyChangeSet(
    actor: Actor,
    set: { creates: ActionWrite[]; changes: ActionChange[] },
    description: string,
  ): Promise<string> {
    const lot = randomUUID();
    await this.repo.transaction(async (trx) => {
      await this.lots.create(trx, {
        id: lot,
        auteur: actorLabel(actor),
        description,
        nombre: set.creates.length + set.changes.length,
      });
      const generation = await this.repo.nextGeneration(trx);
      await this.repo.insertMany(trx, set.creates, generation);
      const entries: HistoryEntry[] = set.creates.map((w) =>
        this.entry(actor, w.id, 'creation', lot, null, historySnapshot(w.id, 1, w.action)),
      );
      for (const c of set.changes) {
        const write = { id: c.id, action: c.action, derived: c.derived };
        if (!(await this.repo.update(trx, write, c.current.version, generation))) {
          throw conflict(
            `L’action « ${(c.current.document as ActionInput).titre} » a été modifiée pendant l’import : ` +
              'rien n’a été enregistré, recommencez',
          );
        }
        entries.push(
          this.entry(
            actor,
            c.id,
            'modification',
            lot,
            historySnapshot(c.id, c.current.version, c.current.document as ActionInput),
            historySnapshot(c.id, c.current.version + 1, c.action),
          ),
        );
      }
      await this.history.recordMany(trx, entries);
    });
    return lot;
  }

  private entry(
    actor: Actor,
    id: string,
    action: HistoryEntry['action'],
    lot: string | null,
    avant: unknown,
    apres: unknown,
  ): HistoryEntry {
    return { entite: ACTION_ENTITY, entiteId: id, action, auteur: actorLabel(actor), lot, avant, apres };
  }
}

const isEmpty = (t: ActionTerritory) => t.communes.length + t.epci.length + t.qpv.length === 0;
