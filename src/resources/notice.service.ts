import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { conflict, invalid } from '../domain/errors.ts';
import type { TermLinker, TextSegment } from '../domain/glossary/term-links.ts';
import type { DuplicateCheckInput, NoticeInput } from '../domain/resources/schemas.ts';
import type { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import { presentHistory } from '../kernel/history/history.presenter.ts';
import type { HistoryEntry, HistoryRepository } from '../kernel/history/history.repository.ts';
import { type RecordNoun, VersionedRecords } from '../kernel/versioning/versioned-records.ts';
import { historySnapshot, type PresentedNotice, presentNotice } from './notice.presenter.ts';
import type { NoticeRepository, NoticeRow, NoticeWrite } from './notice.repository.ts';
import { type DuplicateCandidate, type DuplicateMatch, NoticeDuplicates } from './notice-duplicates.ts';

export type FieldErrors = Record<string, string>;

/** A change of an existing notice inside a change set: optimistic on the version read. */
export interface NoticeChange {
  id: string;
  notice: NoticeInput;
  current: NoticeRow;
}

const ENTITY = 'notice';
const NOTICE: RecordNoun = {
  subject: 'La notice',
  feminine: true,
  missing: (id) => `Aucune notice avec l’identifiant « ${id} »`,
};

/** The detail of a notice: `resumeLiens` links the glossary's terms of the abstract (null without one). */
export type NoticeDetail = PresentedNotice & { resumeLiens: TextSegment[] | null };

/** Bibliographic notices: CRUD with optimistic concurrency and history, change sets, duplicates. */
export class NoticeService {
  private readonly duplicates: NoticeDuplicates;
  private readonly records: VersionedRecords<NoticeRow, Transaction<DB>>;

  constructor(
    private readonly repo: NoticeRepository,
    private readonly history: HistoryRepository,
    private readonly lots: ChangeSetRepository,
    /** Told after every write (the search index of this process then refreshes before searching). */
    private readonly onChange: () => void = () => {},
    /** Glossary terms to mark in the abstract of a notice's detail (none when not given). */
    private readonly terms: () => Promise<TermLinker | null> = async () => null,
  ) {
    this.duplicates = new NoticeDuplicates(repo);
    this.records = new VersionedRecords({
      noun: NOTICE,
      read: (id, trx) => repo.findById(id, trx),
      transaction: (run) => repo.transaction(run),
    });
  }

  newId(): string {
    return randomUUID();
  }

  /** One notice, with its abstract cut into segments naming the glossary's acronyms and terms. */
  async get(_actor: Actor, id: string): Promise<NoticeDetail> {
    const notice = presentNotice(await this.requireRow(id));
    const linker = await this.terms();
    return {
      ...notice,
      resumeLiens: notice.resume && linker ? linker.segments(notice.resume) : null,
    };
  }

  /** Several notices by id, in the given order (unknown ids are skipped). */
  async getMany(_actor: Actor, ids: string[]): Promise<PresentedNotice[]> {
    const byId = new Map((await this.repo.findByIds(ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [presentNotice(row)] : [];
    });
  }

  /** Changes with every notice write (links included): profiles keep their answer until it moves. */
  stamp(): Promise<number> {
    return this.repo.currentGeneration();
  }

  async checkLinks(
    input: NoticeInput,
    previous: NoticeInput | null = null,
    prefix = '',
  ): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const oldDynamics = new Set(previous?.dynamiques ?? []);
    const oldTerritories = new Set((previous?.territoires ?? []).map((t) => `${t.type}:${t.code}`));
    const dynamics = input.dynamiques.filter((d) => !oldDynamics.has(d));
    const territories = input.territoires.filter((t) => !oldTerritories.has(`${t.type}:${t.code}`));
    const [knownDynamics, knownTerritories] = [
      await this.repo.knownDynamics(dynamics),
      await this.repo.knownTerritories(territories),
    ];
    input.dynamiques.forEach((d, i) => {
      if (!oldDynamics.has(d) && !knownDynamics.has(d))
        errors[`${prefix}dynamiques.${i}`] = `dynamique inconnue : ${d}`;
    });
    input.territoires.forEach((t, i) => {
      const key = `${t.type}:${t.code}`;
      if (!oldTerritories.has(key) && !knownTerritories.has(key))
        errors[`${prefix}territoires.${i}`] = `territoire inconnu : ${key}`;
    });
    return errors;
  }

  async create(actor: Actor, input: NoticeInput, options: { id?: string } = {}): Promise<PresentedNotice> {
    return this.insertOne(actor, options.id ?? this.newId(), input, 1);
  }

  /** A deleted notice written again from its history, under its id, at `version`. */
  recreate(actor: Actor, id: string, input: NoticeInput, version: number): Promise<PresentedNotice> {
    return this.insertOne(actor, id, input, version);
  }

  private async insertOne(actor: Actor, id: string, input: NoticeInput, version: number) {
    const errors = await this.checkLinks(input);
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    await this.repo.transaction(async (trx) => {
      const generation = await this.repo.nextGeneration(trx);
      await this.repo.insertMany(trx, [{ id, notice: input }], generation);
      if (version !== 1) await this.repo.setVersion(trx, id, version);
      const action = version === 1 ? 'creation' : 'restauration';
      await this.history.record(
        trx,
        this.entry(actor, id, action, null, null, historySnapshot(id, version, input)),
      );
    });
    this.onChange();
    return this.get(actor, id);
  }

  /**
   * Creates many notices in one transaction recorded as one change set (`lot`), e.g. seed references.
   * Ids may be chosen. Nothing is written if any notice links to an unknown dynamic or territory
   * (errors keyed `<rank>.<field>`).
   */
  async createMany(
    actor: Actor,
    inputs: NoticeInput[],
    options: {
      description: string;
      ids?: string[];
      /** Run first inside the same transaction (a lock, a "loaded" record of seed data). */
      inTransaction?: (trx: Transaction<DB>) => Promise<void>;
    },
  ): Promise<{ lot: string; ids: string[] }> {
    const errors: FieldErrors = {};
    for (const [i, input] of inputs.entries())
      Object.assign(errors, await this.checkLinks(input, null, `${i}.`));
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const ids = inputs.map((_, i) => options.ids?.[i] ?? this.newId());
    const lot = await this.applyChangeSet(
      actor,
      { creates: inputs.map((notice, i) => ({ id: ids[i] as string, notice })), changes: [] },
      options.description,
      options.inTransaction,
    );
    return { lot, ids };
  }

  /** Creations and changes in one transaction and one change set; returns the change set's id. */
  async applyChangeSet(
    actor: Actor,
    set: { creates: NoticeWrite[]; changes: NoticeChange[] },
    description: string,
    inTransaction?: (trx: Transaction<DB>) => Promise<void>,
  ): Promise<string> {
    const lot = randomUUID();
    const auteur = actorLabel(actor);
    await this.repo.transaction(async (trx) => {
      await inTransaction?.(trx);
      await this.lots.create(trx, {
        id: lot,
        auteur,
        description,
        nombre: set.creates.length + set.changes.length,
      });
      const generation = await this.repo.nextGeneration(trx);
      await this.repo.insertMany(trx, set.creates, generation);
      const entries: HistoryEntry[] = set.creates.map((w) =>
        this.entry(actor, w.id, 'creation', lot, null, historySnapshot(w.id, 1, w.notice)),
      );
      for (const c of set.changes) {
        if (!(await this.repo.update(trx, { id: c.id, notice: c.notice }, c.current.version, generation))) {
          throw conflict(
            `La notice « ${(c.current.document as NoticeInput).titre} » a été modifiée pendant l’opération : ` +
              'rien n’a été enregistré, recommencez',
          );
        }
        entries.push(
          this.entry(
            actor,
            c.id,
            'modification',
            lot,
            historySnapshot(c.id, c.current.version, c.current.document as NoticeInput),
            historySnapshot(c.id, c.current.version + 1, c.notice),
          ),
        );
      }
      await this.history.recordMany(trx, entries);
    });
    this.onChange();
    return lot;
  }

  /** `how.action`: `restauration` when an earlier version is written again from the history. */
  async update(
    actor: Actor,
    id: string,
    input: NoticeInput,
    expected: number,
    how: { action?: 'modification' | 'restauration' } = {},
  ) {
    await this.records.write(id, expected, async (current) => {
      const before = current.document as NoticeInput;
      const errors = await this.checkLinks(input, before);
      if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
      return async (trx) => {
        const generation = await this.repo.nextGeneration(trx);
        if (!(await this.repo.update(trx, { id, notice: input }, expected, generation))) return false;
        await this.history.record(
          trx,
          this.entry(
            actor,
            id,
            how.action ?? 'modification',
            null,
            historySnapshot(id, current.version, before),
            historySnapshot(id, expected + 1, input),
          ),
        );
        return true;
      };
    });
    this.onChange();
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string, expected: number): Promise<void> {
    await this.records.write(id, expected, (current) => async (trx) => {
      const generation = await this.repo.nextGeneration(trx);
      if (!(await this.repo.delete(trx, id, expected, generation))) return false;
      const before = historySnapshot(id, current.version, current.document as NoticeInput);
      await this.history.record(trx, this.entry(actor, id, 'suppression', null, before, null));
      return true;
    });
    this.onChange();
  }

  async historyOf(_actor: Actor, id: string) {
    const entries = await this.history.forEntity(ENTITY, id);
    if (entries.length === 0) await this.records.require(id);
    return presentHistory(entries);
  }

  /** For each candidate: the stored notice it duplicates, or the earlier candidate it repeats. */
  findDuplicates(candidates: DuplicateCandidate[]): Promise<DuplicateMatch[]> {
    return this.duplicates.find(candidates);
  }

  /** Before entering a notice by hand: exact duplicates, and notices with a similar title. */
  checkDuplicate(_actor: Actor, input: DuplicateCheckInput) {
    return this.duplicates.check(input);
  }

  private entry(
    actor: Actor,
    id: string,
    action: HistoryEntry['action'],
    lot: string | null,
    avant: unknown,
    apres: unknown,
  ): HistoryEntry {
    return { entite: ENTITY, entiteId: id, action, auteur: actorLabel(actor), lot, avant, apres };
  }

  private requireRow(id: string): Promise<NoticeRow> {
    return this.records.require(id);
  }
}

function describe(errors: FieldErrors): string {
  const parts = Object.entries(errors).map(([f, m]) => `${f} : ${m}`);
  return `Données invalides — ${parts.slice(0, 5).join(' ; ')}${parts.length > 5 ? ` (et ${parts.length - 5} autres)` : ''}`;
}
