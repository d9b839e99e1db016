import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { invalid } from '../../domain/errors.ts';
import type { NoticeInput } from '../../domain/resources/schemas.ts';
import {
  buildSelectionDocument,
  citedIds,
  type SelectionDocument,
  type SelectionPreview,
} from '../../domain/resources/selection-document.ts';
import {
  type SelectionExportFormat,
  type SelectionInput,
  type SelectionListQuery,
  type SelectionSection,
  selectionEntries,
} from '../../domain/resources/selection-schemas.ts';
import { presentHistory } from '../../kernel/history/history.presenter.ts';
import type { HistoryEntry, HistoryRepository } from '../../kernel/history/history.repository.ts';
import { type RecordNoun, VersionedRecords } from '../../kernel/versioning/versioned-records.ts';
import type { NoticeRepository } from '../notice.repository.ts';
import {
  type PresentedSelection,
  presentSelection,
  presentSelectionSummary,
  selectionSnapshot,
} from './selection.presenter.ts';
import type { SelectionRepository, SelectionRow } from './selection.repository.ts';
import { logoOf } from './selection-identity.ts';
import type { RenderedSelection, SelectionRenderer } from './selection-render.ts';

const ENTITY = 'selection';
const SELECTION: RecordNoun = {
  subject: 'La sélection',
  feminine: true,
  missing: (id) => `Aucune sélection avec l’identifiant « ${id} »`,
};

type FieldErrors = Record<string, string>;

/** Sélections bibliographiques: CRUD with optimistic concurrency and history, documents and exports. */
export class SelectionService {
  private readonly records = new VersionedRecords<SelectionRow, Transaction<DB>>({
    noun: SELECTION,
    read: (id, trx) => this.repo.findById(id, trx),
    transaction: (run) => this.repo.transaction(run),
  });

  constructor(
    private readonly repo: SelectionRepository,
    private readonly notices: NoticeRepository,
    private readonly history: HistoryRepository,
    private readonly renderer: SelectionRenderer,
  ) {}

  async list(_actor: Actor, q: SelectionListQuery) {
    const { total, rows } = await this.repo.list({ q: q.q, offset: (q.page - 1) * q.limit, limit: q.limit });
    return { total, page: q.page, limit: q.limit, items: rows.map(presentSelectionSummary) };
  }

  async get(_actor: Actor, id: string): Promise<PresentedSelection> {
    return presentSelection(await this.requireRow(id));
  }

  async create(actor: Actor, input: SelectionInput, options: { id?: string } = {}) {
    const id = options.id ?? randomUUID();
    await this.repo.transaction((trx) => this.insert(trx, actor, id, input));
    return this.get(actor, id);
  }

  /**
   * Creates the sélection unless one with the same title (accents and case ignored) exists: the check
   * and the write share one transaction, so running a seed twice creates it once.
   */
  async createUnlessTitleExists(actor: Actor, input: SelectionInput) {
    const outcome = await this.repo.transaction(async (trx) => {
      const [existing] = await this.repo.idsWithTitle(input.titre, trx);
      if (existing) return { id: existing, created: false };
      const id = randomUUID();
      await this.insert(trx, actor, id, input);
      return { id, created: true };
    });
    return { created: outcome.created, selection: await this.get(actor, outcome.id) };
  }

  async update(actor: Actor, id: string, input: SelectionInput, expected: number) {
    await this.records.write(id, expected, (current) => async (trx) => {
      await this.check(trx, input);
      if (!(await this.repo.update(trx, id, input, expected))) return false;
      await this.history.record(
        trx,
        this.entry(
          actor,
          id,
          'modification',
          selectionSnapshot(id, current.version, current.document as SelectionInput),
          selectionSnapshot(id, expected + 1, input),
        ),
      );
      return true;
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string, expected: number): Promise<void> {
    await this.records.write(id, expected, (current) => async (trx) => {
      if (!(await this.repo.delete(trx, id, expected))) return false;
      const before = selectionSnapshot(id, current.version, current.document as SelectionInput);
      await this.history.record(trx, this.entry(actor, id, 'suppression', before, null));
      return true;
    });
  }

  async historyOf(_actor: Actor, id: string) {
    const entries = await this.history.forEntity(ENTITY, id);
    if (entries.length === 0) await this.records.require(id);
    return presentHistory(entries);
  }

  /** The sélection laid out: sections numbered, notices ordered and numbered, citations resolved. */
  async document(actor: Actor, id: string): Promise<SelectionDocument> {
    const selection = await this.get(actor, id);
    return this.documentOf(selection);
  }

  async export(actor: Actor, id: string, format: SelectionExportFormat): Promise<RenderedSelection> {
    // Chromium starts while the notices load (or the request fails fast when it is missing).
    if (format === 'pdf') this.renderer.preparePdf();
    const doc = await this.document(actor, id);
    return this.renderer.render(doc, format);
  }

  /**
   * An unsaved draft laid out and rendered as its public page, checked like a save (unknown notices,
   * citations outside the sélection → 400 naming the field) but written nowhere: the composer's preview.
   */
  async preview(_actor: Actor, input: SelectionInput): Promise<SelectionPreview> {
    await this.check(undefined, input);
    const doc = await this.documentOf(input);
    const { html, refs } = this.renderer.page(doc);
    return {
      html,
      sommaire: doc.sommaire,
      references: doc.references.map((r) => ({
        numero: r.numero,
        notice: r.noticeId,
        titre: r.notice.titre,
        date: r.notice.date ?? null,
        type: r.notice.type,
        texte: refs.get(r.noticeId)?.text ?? r.notice.titre,
      })),
    };
  }

  private async documentOf(selection: SelectionInput): Promise<SelectionDocument> {
    const ids = [...new Set(selectionEntries(selection.sections).map((e) => e.entry.notice))];
    const rows = await this.notices.findByIds(ids);
    const notices = new Map(rows.map((r) => [r.id, r.document as NoticeInput]));
    return buildSelectionDocument(selection, notices);
  }

  private async insert(trx: Transaction<DB>, actor: Actor, id: string, input: SelectionInput) {
    await this.check(trx, input);
    await this.repo.insert(trx, id, input);
    await this.history.record(trx, this.entry(actor, id, 'creation', null, selectionSnapshot(id, 1, input)));
  }

  /** Every notice of the tree must exist; every citation must name a notice of the sélection. */
  private async check(trx: Transaction<DB> | undefined, input: SelectionInput): Promise<void> {
    const entries = selectionEntries(input.sections);
    const known = await this.repo.knownNotices(
      entries.map((e) => e.entry.notice),
      trx,
    );
    const errors: FieldErrors = {};
    for (const { path, entry } of entries) {
      if (!known.has(entry.notice)) errors[path] = `notice inconnue : ${entry.notice}`;
    }
    const listed = new Set(entries.map((e) => e.entry.notice));
    const checkText = (path: string, text: string | null) => {
      const unknown = citedIds(text).filter((c) => !listed.has(c));
      if (unknown.length > 0)
        errors[path] = `notice citée absente des sections de la sélection : ${unknown.join(', ')}`;
    };
    checkText('introduction', input.introduction);
    // The schema checks the address; only decoding tells a truncated or mislabelled image.
    if (input.logo && !logoOf(input.logo, input.titre)) errors.logo = 'logo : image PNG ou JPEG illisible';
    const walk = (sections: SelectionSection[], prefix: string) => {
      for (const [i, s] of sections.entries()) {
        checkText(`${prefix}.${i}.presentation`, s.presentation);
        for (const [j, e] of s.notices.entries())
          checkText(`${prefix}.${i}.notices.${j}.commentaire`, e.commentaire);
        walk(s.sections, `${prefix}.${i}.sections`);
      }
    };
    walk(input.sections, 'sections');
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
  }

  private entry(
    actor: Actor,
    id: string,
    action: HistoryEntry['action'],
    avant: unknown,
    apres: unknown,
  ): HistoryEntry {
    return { entite: ENTITY, entiteId: id, action, auteur: actorLabel(actor), lot: null, avant, apres };
  }

  private requireRow(id: string): Promise<SelectionRow> {
    return this.records.require(id);
  }
}

function describe(errors: FieldErrors): string {
  const parts = Object.entries(errors).map(([f, m]) => `${f} : ${m}`);
  return `Données invalides — ${parts.slice(0, 5).join(' ; ')}${parts.length > 5 ? ` (et ${parts.length - 5} autres)` : ''}`;
}
