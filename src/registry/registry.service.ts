import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { invalid, notFound } from '../domain/errors.ts';
import type { ListSource } from '../domain/registry/in-memory-list.ts';
import { FIXED_TERM_KINDS } from '../domain/registry/kinds.ts';
import type { DynamicListFilters } from '../domain/registry/list-filters.ts';
import type { DynamicInput, DynamicListQuery } from '../domain/registry/schemas.ts';
import { dateDeclaredStatusChange } from '../domain/registry/status-change.ts';
import {
  addMonths,
  RENEW_WITHIN_MONTHS,
  todayIso,
  VERIFY_AFTER_MONTHS,
} from '../domain/registry/timeline.ts';
import { searchTokens } from '../domain/text/normalize.ts';
import { presentHistory } from '../kernel/history/history.presenter.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import {
  type PreparedWrite,
  type RecordNoun,
  staleVersion,
  VersionedRecords,
} from '../kernel/versioning/versioned-records.ts';
import type { CommittedRecords } from './committed-records.ts';

export type { CommittedRecord, CommittedRecords } from './committed-records.ts';
export type { DynamicRow } from './registry.repository.ts';

import { migrateMergedCommunes } from './commune-migration.ts';
import { assertMayWriteDynamic } from './dynamic-scope.ts';
import type { DynamicWriter } from './dynamic-writer.ts';
import { HistoryNamesRepository, type NamedCodes } from './history-names.repository.ts';
import { PresentedCache } from './presented-cache.ts';
import {
  historySnapshot,
  type PresentedDynamic,
  presentDynamic,
  recordedDay,
  seesPrivateContacts,
  visibleContacts,
} from './registry.presenter.ts';
import type { DynamicRow, RegistryRepository } from './registry.repository.ts';

/**
 * Readers without the right to see contacts lacking consent send back a record without them: saving it
 * must not erase what they could not see.
 */
function keepHiddenContacts(actor: Actor, stored: DynamicInput, input: DynamicInput): DynamicInput {
  if (seesPrivateContacts(actor)) return input;
  const hidden = (stored.contacts ?? []).filter((c) => !c.public);
  return hidden.length === 0 ? input : { ...input, contacts: [...input.contacts, ...hidden] };
}

const DYNAMIC: RecordNoun = {
  subject: 'La fiche',
  feminine: true,
  missing: (id) => `Aucune dynamique avec l’identifiant « ${id} »`,
};

export class RegistryService {
  constructor(
    private readonly repo: RegistryRepository,
    private readonly history: HistoryRepository,
    private readonly writer: DynamicWriter,
    /** Lists from memory when it can answer; the database otherwise. */
    private readonly listSource: ListSource | null = null,
    private readonly clock: () => Date = () => new Date(),
    /** During a long write, records already in memory are presented from there. */
    private readonly committed: CommittedRecords | null = null,
  ) {}

  private readonly presented = new PresentedCache();
  private readonly regionsOf = (communes: string[]) => this.repo.regionsOfCommunes(communes);
  private readonly storedCommunes = async (id: string) => (await this.repo.communesOf([id])).get(id) ?? [];
  private readonly records = new VersionedRecords<DynamicRow, Transaction<DB>>({
    noun: DYNAMIC,
    read: (id, trx) => this.repo.findById(id, trx),
    transaction: (run) => this.repo.transaction(run),
  });

  private today() {
    return todayIso(this.clock());
  }

  async list(actor: Actor, query: DynamicListQuery) {
    const today = this.today();
    const date = query.date ?? today;
    const territoires = [
      ...(query.region ? [{ type: 'region' as const, code: query.region }] : []),
      ...(query.departement ? [{ type: 'departement' as const, code: query.departement }] : []),
      ...(query.territoire ? [query.territoire] : []),
    ];
    const filters: DynamicListFilters = {
      types: query.type ?? [],
      statuts: query.statut ?? [],
      territoires,
      date,
      texte: query.q ? searchTokens(query.q) : [],
      fraicheur: query.fraicheur ?? null,
      today,
      echeance: echeanceLimit(query.echeance, today),
      verifyBefore: addMonths(today, -VERIFY_AFTER_MONTHS),
      renewBefore: addMonths(today, RENEW_WITHIN_MONTHS),
      fixedTermKinds: [...FIXED_TERM_KINDS],
      tri: query.tri,
      page: query.page,
      limit: query.limit,
    };
    const head = { page: query.page, limit: query.limit, date };
    const fromMemory = await this.listSource?.list(filters);
    if (fromMemory) {
      return {
        total: fromMemory.total,
        ...head,
        items: await this.getVersions(actor, fromMemory.refs, date),
      };
    }
    const { total, rows } = await this.repo.list(filters);
    return { total, ...head, items: await this.present(actor, rows, date) };
  }

  private async present(actor: Actor, rows: DynamicRow[], date: string): Promise<PresentedDynamic[]> {
    const communes = await this.repo.communesOf(rows.map((r) => r.id));
    const today = this.today();
    return rows.map((r) => presentDynamic(r, communes.get(r.id) ?? [], { actor, date, today }));
  }

  async get(actor: Actor, id: string, date?: string): Promise<PresentedDynamic> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound(`Aucune dynamique avec l’identifiant « ${id} »`);
    const [presented] = await this.present(actor, [row], date ?? this.today());
    return presented as PresentedDynamic;
  }

  /** Several records by id, in the given order (unknown ids are skipped). */
  async getMany(actor: Actor, ids: string[], date?: string): Promise<PresentedDynamic[]> {
    if (ids.length === 0) return [];
    const rows = await this.repo.findByIds(ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return this.present(actor, rows, date ?? this.today());
  }

  /**
   * Several records by id and known version (from the analytics snapshot), in the given order. Records
   * already presented at that version, date and day come from memory, the others from the snapshot's
   * stored rows; only those it no longer holds at that version are read.
   */
  async getVersions(
    actor: Actor,
    refs: { id: string; version: number }[],
    date?: string,
  ): Promise<PresentedDynamic[]> {
    const day = date ?? this.today();
    const today = this.today();
    const identified = actor.kind !== 'anonymous';
    const found = new Map<string, PresentedDynamic>();
    const missing: { id: string; version: number }[] = [];
    for (const r of refs) {
      const hit = this.presented.get(PresentedCache.key(r.id, r.version, day, today, identified));
      if (hit) found.set(r.id, hit);
      else missing.push(r);
    }
    const kept = missing.length > 0 && this.committed ? this.committed(missing) : null;
    for (const [id, { row, communes }] of kept ?? []) {
      const p = presentDynamic(row, communes, { actor, date: day, today });
      this.presented.set(PresentedCache.key(id, p.version, day, today, identified), p);
      found.set(id, p);
    }
    const unread = missing.filter((r) => !kept?.has(r.id)).map((r) => r.id);
    if (unread.length > 0) {
      for (const p of await this.present(actor, await this.repo.findByIds(unread), day)) {
        // Stored under the version read, which may be newer than the snapshot's after a concurrent write.
        this.presented.set(PresentedCache.key(p.id, p.version, day, today, identified), p);
        found.set(p.id, p);
      }
    }
    return refs.flatMap((r) => found.get(r.id) ?? []);
  }

  /** With `trx`, writes inside the caller's transaction (a change set) and returns null; `id` may be chosen. */
  async create(
    actor: Actor,
    input: DynamicInput,
    options: { lot?: string; trx?: Transaction<DB>; id?: string; source?: string } = {},
  ) {
    const writer = options.trx ? this.writer.within(options.trx) : this.writer;
    const errors = await writer.check(input, null);
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const id = options.id ?? writer.newId();
    const write = await writer.build(id, input, this.today());
    await assertMayWriteDynamic(actor, [{ id: null, communes: write.communes }], this.regionsOf);
    const run = async (trx: Transaction<DB>) => {
      await this.repo.insert(trx, write);
      await this.history.record(trx, {
        entite: 'dynamique',
        entiteId: id,
        action: 'creation',
        auteur: actorLabel(actor),
        lot: options.lot ?? null,
        ...(options.source ? { source: options.source } : {}),
        avant: null,
        apres: historySnapshot(id, 1, input),
      });
    };
    await (options.trx ? run(options.trx) : this.repo.transaction(run));
    return options.trx ? null : this.get(actor, id);
  }

  /** A deleted dynamic written again from its history, under its id, at `version`, checked like a creation. */
  async recreate(actor: Actor, id: string, input: DynamicInput, version: number) {
    const errors = await this.writer.check(input, id);
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const write = await this.writer.build(id, input, this.today());
    await assertMayWriteDynamic(actor, [{ id: null, communes: write.communes }], this.regionsOf);
    await this.repo.transaction(async (trx) => {
      await this.repo.insert(trx, write, version);
      await this.history.record(trx, {
        entite: 'dynamique',
        entiteId: id,
        action: 'restauration',
        auteur: actorLabel(actor),
        lot: null,
        avant: null,
        apres: historySnapshot(id, version, input),
      });
    });
    return this.get(actor, id);
  }

  /**
   * `how.action`: `restauration` when an earlier version is written again from the history;
   * `how.source`: where the change came from when not typed in (a census campaign).
   */
  async update(
    actor: Actor,
    id: string,
    input: DynamicInput,
    expected: number,
    how: { action?: 'modification' | 'restauration'; source?: string } = {},
  ) {
    await this.records.write(id, expected, (current) =>
      this.prepareUpdate(actor, current, input, expected, how),
    );
    return this.get(actor, id);
  }

  /**
   * An edit checked and built now, written later inside the caller's transaction (an erasure that changes
   * several modules at once); false when the record moved on in between. Reads nothing once prepared.
   */
  async prepareUpdateOf(actor: Actor, id: string, input: DynamicInput, expected: number) {
    const current = await this.records.require(id);
    if (current.version !== expected) throw staleVersion(DYNAMIC, current.version);
    return this.prepareUpdate(actor, current, input, expected, {});
  }

  private async prepareUpdate(
    actor: Actor,
    current: DynamicRow,
    input: DynamicInput,
    expected: number,
    how: { action?: 'modification' | 'restauration'; source?: string },
  ): Promise<PreparedWrite<Transaction<DB>>> {
    const id = current.id;
    const stored = current.document as DynamicInput;
    const visible = keepHiddenContacts(actor, stored, input);
    // A restored version is written back as it was.
    const kept =
      how.action === 'restauration'
        ? visible
        : dateDeclaredStatusChange(stored, visible, this.today(), recordedDay(current));
    const errors = await this.writer.check(kept, id);
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const write = await this.writer.build(id, kept, recordedDay(current));
    await assertMayWriteDynamic(
      actor,
      [
        { id, communes: () => this.storedCommunes(id) },
        { id, communes: write.communes },
      ],
      this.regionsOf,
    );
    return async (trx) => {
      if (!(await this.repo.update(trx, write, expected))) return false;
      await this.history.record(trx, {
        entite: 'dynamique',
        entiteId: id,
        action: how.action ?? 'modification',
        auteur: actorLabel(actor),
        lot: null,
        ...(how.source ? { source: how.source } : {}),
        avant: historySnapshot(id, current.version, current.document as DynamicInput),
        apres: historySnapshot(id, expected + 1, kept),
      });
      return true;
    };
  }

  async remove(actor: Actor, id: string, expected: number): Promise<void> {
    await this.records.write(id, expected, async (current) => {
      await assertMayWriteDynamic(actor, [{ id, communes: () => this.storedCommunes(id) }], this.regionsOf);
      return (trx) => this.deleteWithHistory(trx, actor, current, expected);
    });
  }

  private async deleteWithHistory(trx: Transaction<DB>, actor: Actor, current: DynamicRow, expected: number) {
    const id = current.id;
    if (!(await this.repo.delete(trx, id, expected))) return false;
    await this.history.record(trx, {
      entite: 'dynamique',
      entiteId: id,
      action: 'suppression',
      auteur: actorLabel(actor),
      lot: null,
      avant: historySnapshot(id, current.version, current.document as DynamicInput),
      apres: null,
    });
    return true;
  }

  /** Rewrites perimeters naming merged communes (after a new reference vintage). */
  migrateMergedCommunes(actor: Actor) {
    return migrateMergedCommunes(actor, {
      db: this.repo.db,
      repo: this.repo,
      writer: this.writer,
      history: this.history,
      perimeters: this.writer.perimeters,
    });
  }

  async historyOf(actor: Actor, id: string) {
    const entries = await this.history.forEntity('dynamique', id);
    if (entries.length === 0) await this.records.require(id);
    const history = presentHistory(entries, (snap) =>
      snap && typeof snap === 'object' && 'contacts' in snap
        ? { ...snap, contacts: visibleContacts(actor, (snap as DynamicInput).contacts ?? []) }
        : snap,
    );
    return { ...history, noms: await new HistoryNamesRepository(this.repo.db).names(codesIn(entries)) };
  }
}

/** Territory codes and linked dynamics the snapshots of a history name. */
function codesIn(entries: { avant: unknown; apres: unknown }[]): NamedCodes {
  const sets = {
    communes: new Set<string>(),
    epci: new Set<string>(),
    departements: new Set<string>(),
    qpv: new Set<string>(),
    dynamiques: new Set<string>(),
  };
  for (const e of entries) {
    for (const snap of [e.avant, e.apres]) {
      const doc = snap as Partial<DynamicInput> | null;
      if (!doc || typeof doc !== 'object') continue;
      for (const k of ['communes', 'epci', 'departements', 'qpv'] as const) {
        for (const c of doc.perimetre?.[k] ?? []) sets[k].add(c);
      }
      for (const l of doc.liens ?? []) sets.dynamiques.add(l.cible);
    }
  }
  return {
    communes: [...sets.communes],
    epci: [...sets.epci],
    departements: [...sets.departements],
    qpv: [...sets.qpv],
    dynamiques: [...sets.dynamiques],
  };
}

/** `echeance` as months from today or as a date: the last end date listed. */
export function echeanceLimit(echeance: string | undefined, today: string): string | null {
  if (!echeance) return null;
  return echeance.includes('-') ? echeance : addMonths(today, Number(echeance));
}

function describe(errors: Record<string, string>): string {
  const parts = Object.entries(errors).map(([f, m]) => `${f} : ${m}`);
  return `Données invalides — ${parts.slice(0, 5).join(' ; ')}${parts.length > 5 ? ` (et ${parts.length - 5} autres)` : ''}`;
}
