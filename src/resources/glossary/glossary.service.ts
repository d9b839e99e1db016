import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { type GlossaryTermInput, glossaryKey } from '../../domain/glossary/schemas.ts';
import { searchGlossary } from '../../domain/glossary/search.ts';
import { TermLinker } from '../../domain/glossary/term-links.ts';
import { sameContent } from '../../domain/resources/dedup.ts';
import { presentHistory } from '../../kernel/history/history.presenter.ts';
import type { HistoryEntry, HistoryRepository } from '../../kernel/history/history.repository.ts';
import { type RecordNoun, VersionedRecords } from '../../kernel/versioning/versioned-records.ts';
import { linkableTerm, type PresentedTerm, presentTerm, termSnapshot } from './glossary.presenter.ts';
import type { GlossaryRepository, GlossaryRow } from './glossary.repository.ts';

const ENTITY = 'glossaire';
const TERM: RecordNoun = {
  subject: 'L’entrée',
  feminine: true,
  missing: (key) => `Aucune entrée « ${key} » dans le glossaire`,
};
/** Another server's writes reach this one's linker at most this late. */
const LINKER_MAX_AGE_MS = 30_000;

/** Glossary of the field: search, CRUD with optimistic concurrency and history, bulk loads. */
export class GlossaryService {
  private linkerCache: { linker: TermLinker; at: number } | null = null;
  private readonly records: VersionedRecords<GlossaryRow, Transaction<DB>>;

  constructor(
    private readonly repo: GlossaryRepository,
    private readonly history: HistoryRepository,
  ) {
    this.records = new VersionedRecords({
      noun: TERM,
      read: (key, trx) => repo.findByKey(key, trx),
      transaction: (run) => repo.transaction(run),
    });
  }

  async search(_actor: Actor, query: { q?: string | undefined }) {
    const all = (await this.repo.all()).map(presentTerm);
    const items = searchGlossary(all, query.q);
    return { total: items.length, items };
  }

  async get(_actor: Actor, cle: string): Promise<PresentedTerm> {
    return presentTerm(await this.requireRow(cle));
  }

  async create(actor: Actor, input: GlossaryTermInput): Promise<PresentedTerm> {
    const cle = glossaryKey(input);
    if (await this.repo.findByKey(cle)) {
      throw conflict(`Le glossaire a déjà une entrée « ${cle} » : modifiez-la plutôt`);
    }
    await this.checkReferences(input, new Set([cle]));
    await this.repo.transaction(async (trx) => {
      await this.repo.insertMany(trx, [{ cle, term: input }]);
      await this.history.record(trx, this.entry(actor, cle, 'creation', null, termSnapshot(cle, 1, input)));
    });
    this.linkerCache = null;
    return this.get(actor, cle);
  }

  async update(actor: Actor, key: string, input: GlossaryTermInput, expected: number) {
    const current = await this.records.write(key, expected, async (current) => {
      const cle = current.cle;
      if (glossaryKey(input).toLowerCase() !== cle.toLowerCase()) {
        throw invalid(
          `L’entrée « ${cle} » garde sa clé : pour changer de sigle, créez une nouvelle entrée et supprimez celle-ci`,
          { sigle: `sigle attendu : ${current.cle}` },
        );
      }
      await this.checkReferences(input, new Set([cle]));
      return async (trx) => {
        if (!(await this.repo.update(trx, { cle, term: input }, expected))) return false;
        await this.history.record(
          trx,
          this.entry(
            actor,
            cle,
            'modification',
            termSnapshot(cle, current.version, current.document as GlossaryTermInput),
            termSnapshot(cle, expected + 1, input),
          ),
        );
        return true;
      };
    });
    this.linkerCache = null;
    return this.get(actor, current.cle);
  }

  async remove(actor: Actor, key: string, expected: number): Promise<void> {
    await this.records.write(key, expected, (current) => async (trx) => {
      if (!(await this.repo.delete(trx, current.cle, expected))) return false;
      const before = termSnapshot(current.cle, current.version, current.document as GlossaryTermInput);
      await this.history.record(trx, this.entry(actor, current.cle, 'suppression', before, null));
      return true;
    });
    this.linkerCache = null;
  }

  async historyOf(_actor: Actor, key: string) {
    const row = await this.repo.findByKey(key);
    const entries = await this.history.forEntity(ENTITY, row?.cle ?? key);
    if (entries.length === 0 && !row) await this.records.require(key);
    return presentHistory(entries);
  }

  /**
   * Writes many entries in one transaction: new keys are created; existing ones are replaced only with
   * `replace` (a file import), else kept as they are (the shipped glossary never overwrites edits).
   */
  async importMany(
    actor: Actor,
    inputs: GlossaryTermInput[],
    options: { replace: boolean },
  ): Promise<{ crees: number; modifies: number; inchanges: number }> {
    const keys = inputs.map(glossaryKey);
    const seen = new Map<string, number>();
    keys.forEach((k, i) => {
      const earlier = seen.get(k.toLowerCase());
      if (earlier !== undefined) {
        throw invalid(`Entrées ${earlier + 1} et ${i + 1} : même clé « ${k} »`, {
          [`${i}.sigle`]: 'en double',
        });
      }
      seen.set(k.toLowerCase(), i);
    });
    const stored = new Map((await this.repo.all()).map((r) => [r.cle.toLowerCase(), r]));
    const known = new Set([...keys, ...[...stored.values()].map((r) => r.cle)]);
    for (const [i, input] of inputs.entries()) await this.checkReferences(input, known, `${i}.`);
    const creates = inputs.flatMap((term, i) =>
      stored.has((keys[i] as string).toLowerCase()) ? [] : [{ cle: keys[i] as string, term }],
    );
    const changes = options.replace
      ? inputs.flatMap((term, i) => {
          const row = stored.get((keys[i] as string).toLowerCase());
          return row && !sameContent(row.document, term) ? [{ row, term }] : [];
        })
      : [];
    if (creates.length === 0 && changes.length === 0) {
      return { crees: 0, modifies: 0, inchanges: inputs.length };
    }
    await this.repo.transaction(async (trx) => {
      await this.repo.insertMany(trx, creates);
      const entries = creates.map((w) =>
        this.entry(actor, w.cle, 'creation', null, termSnapshot(w.cle, 1, w.term)),
      );
      for (const { row, term } of changes) {
        if (!(await this.repo.update(trx, { cle: row.cle, term }, row.version))) {
          throw conflict(`L’entrée « ${row.cle} » a été modifiée pendant l’import : rien n’a été enregistré`);
        }
        entries.push(
          this.entry(
            actor,
            row.cle,
            'modification',
            termSnapshot(row.cle, row.version, row.document as GlossaryTermInput),
            termSnapshot(row.cle, row.version + 1, term),
          ),
        );
      }
      await this.history.recordMany(trx, entries);
    });
    this.linkerCache = null;
    return {
      crees: creates.length,
      modifies: changes.length,
      inchanges: inputs.length - creates.length - changes.length,
    };
  }

  /** Marks the glossary's acronyms and terms in texts (cached; rebuilt after a write). */
  async linker(): Promise<TermLinker> {
    const cached = this.linkerCache;
    if (cached && Date.now() - cached.at < LINKER_MAX_AGE_MS) return cached.linker;
    const linker = new TermLinker((await this.repo.all()).map(linkableTerm));
    this.linkerCache = { linker, at: Date.now() };
    return linker;
  }

  /** Related entries must exist (or come in the same batch); cited notices must exist. */
  private async checkReferences(input: GlossaryTermInput, batch: Set<string>, prefix = '') {
    const errors: Record<string, string> = {};
    const lower = new Set([...batch].map((k) => k.toLowerCase()));
    for (const [i, cle] of input.termesLies.entries()) {
      if (!lower.has(cle.toLowerCase()) && !(await this.repo.findByKey(cle)))
        errors[`${prefix}termesLies.${i}`] = `entrée inconnue du glossaire : ${cle}`;
    }
    const notices = input.sources.flatMap((s) => (s.notice ? [s.notice] : []));
    const known = await this.repo.knownNotices(notices);
    input.sources.forEach((s, i) => {
      if (s.notice && !known.has(s.notice))
        errors[`${prefix}sources.${i}.notice`] = `notice inconnue : ${s.notice}`;
    });
    if (Object.keys(errors).length > 0) {
      const detail = Object.entries(errors)
        .slice(0, 5)
        .map(([f, m]) => `${f} : ${m}`)
        .join(' ; ');
      throw invalid(`Données invalides — ${detail}`, errors);
    }
  }

  private entry(
    actor: Actor,
    cle: string,
    action: HistoryEntry['action'],
    avant: unknown,
    apres: unknown,
  ): HistoryEntry {
    return { entite: ENTITY, entiteId: cle, action, auteur: actorLabel(actor), lot: null, avant, apres };
  }

  private requireRow(key: string): Promise<GlossaryRow> {
    return this.records.require(key);
  }
}
