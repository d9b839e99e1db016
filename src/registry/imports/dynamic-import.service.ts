import { type Actor, actorLabel } from '../../domain/actor.ts';
import { AppError, conflict } from '../../domain/errors.ts';
import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import { IMPORT_COLUMNS } from '../../domain/registry/import-columns.ts';
import { TerritoryLookup } from '../../domain/registry/territory-lookup.ts';
import { todayIso } from '../../domain/registry/timeline.ts';
import { formatInteger } from '../../domain/reports/french.ts';
import type { ChangeSetRepository } from '../../kernel/changesets/change-set.repository.ts';
import type { LongWrites } from '../../kernel/changesets/long-writes.ts';
import type { HistoryRepository } from '../../kernel/history/history.repository.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import { sortAndCap } from '../../kernel/tabular/import-issues.ts';
import type { FileHint } from '../../kernel/tabular/read-table.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import type { DynamicRow, RegistryRepository } from '../registry.repository.ts';
import type { ImportReport } from './dynamic-import-report.ts';
import { buildWrites, importChangeSet, writeImport } from './import-apply.ts';
import { readImportFile } from './import-file.ts';
import { mapHeader } from './import-header.ts';
import { type IdempotencyKey, idempotencyKey } from './import-idempotency.ts';
import { type ImportPlan, nameKey, planImport } from './import-plan.ts';
import { type ImportReceiptRepository, isDuplicateKey } from './import-receipt.repository.ts';
import type { TerritoryNamesRepository } from './territory-names.repository.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The national registry (about 10,000 dynamics) fits in one file, with room to spare. */
export const MAX_IMPORT_ROWS = 20_000;

/** A larger import changes the tables enough for the planner's statistics to need refreshing. */
const ANALYZE_AFTER_ROWS = 500;
/** From this many rows, the reference is read once rather than asked about each row. */
const IN_MEMORY_REFERENCE_ROWS = 100;

export interface ImportDeps {
  repo: RegistryRepository;
  history: HistoryRepository;
  writer: DynamicWriter;
  lots: ChangeSetRepository;
  names: TerritoryNamesRepository;
  /** Answers of earlier imports (absent: every import writes). */
  receipts?: ImportReceiptRepository;
  longWrites?: LongWrites;
  clock?: () => Date;
}

export interface ImportOptions extends FileHint {
  dryRun: boolean;
  /** The CLI draws a bar; the server reports nothing. */
  progress?: ProgressReporter | undefined;
  /** `Idempotency-Key` of the request; without it, the file's hash and the options key the import. */
  idempotencyKey?: string | undefined;
}

/**
 * Imports dynamics from a CSV or XLSX file: every row is validated like an API input, and only a file
 * without any error is written, in one transaction recorded as one change set (`lot`).
 */
export class DynamicImportService {
  constructor(private readonly deps: ImportDeps) {}

  async importFile(actor: Actor, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
    if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
    // A retry (same key, or the same file and options) answers the first result and writes nothing.
    const key = idempotencyKey(bytes, options, options.idempotencyKey);
    if (!options.dryRun) {
      const replay = await this.replay(actor, key);
      if (replay) return replay;
    }
    const table = await readImportFile(bytes, options);
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new AppError(
        'too_large',
        `Fichier trop long : ${formatInteger(table.rows.length)} lignes, ${formatInteger(MAX_IMPORT_ROWS)} au plus ` +
          'par import ; découpez-le en plusieurs fichiers',
      );
    }
    const report = (
      plan: Pick<ImportPlan, 'lignes' | 'errors'>,
      extra: Partial<ImportReport> = {},
    ): ImportReport => ({
      valide: plan.errors.length === 0,
      lignes: plan.lignes,
      erreurs: sortAndCap(plan.errors, { columns: IMPORT_COLUMNS }),
      crees: 0,
      modifies: 0,
      inchanges: 0,
      dryRun: options.dryRun,
      lot: null,
      rejoue: false,
      ...extra,
    });
    if (table.problems.length > 0) return report({ lignes: table.rows.length, errors: table.problems });

    const header = mapHeader(table);
    const writer =
      table.rows.length >= IN_MEMORY_REFERENCE_ROWS
        ? await this.deps.writer.withReferenceInMemory()
        : this.deps.writer;
    const plan = await planImport(table, header, {
      lookup: new TerritoryLookup(await this.deps.names.load()),
      writer,
      today: todayIso(this.deps.clock?.() ?? new Date()),
      existing: await this.existingRows(table.rows.flatMap((r) => idCell(r.cells, header.columns))),
      sameName: await this.sameNameRows(table.rows, header.columns),
      progress: options.progress,
    });
    const errors: ImportIssue[] = [...header.errors, ...plan.errors];
    if (plan.lignes === 0) {
      errors.push({
        ligne: table.headerLine,
        champ: FILE_FIELD,
        message: 'aucune ligne de données sous l’en-tête : une ligne par dynamique est attendue',
      });
    }
    if (errors.length > 0) return report({ lignes: plan.lignes, errors });

    const counts = {
      crees: plan.writes.filter((w) => w.kind === 'create').length,
      modifies: plan.writes.filter((w) => w.kind === 'update').length,
      inchanges: plan.unchanged,
      ...(plan.matches.length > 0 ? { correspondances: plan.matches } : {}),
    };
    if (options.dryRun || plan.writes.length === 0) return report(plan, counts);
    return this.apply(actor, writer, plan, options, (lot) => report(plan, { ...counts, lot }), key);
  }

  /** Stored dynamics sharing a kind and a name with a row that has no `id` (candidates for an update). */
  private async sameNameRows(
    rows: { cells: string[] }[],
    columns: (string | null)[],
  ): Promise<Map<string, DynamicRow[]>> {
    const [t, n, i] = ['type', 'nom', 'id'].map((c) => columns.indexOf(c)) as [number, number, number];
    if (t < 0 || n < 0) return new Map();
    const wanted = new Set<string>();
    const kinds = new Set<string>();
    for (const r of rows) {
      if (i >= 0 && (r.cells[i] ?? '').trim()) continue;
      const type = (r.cells[t] ?? '').trim().toUpperCase();
      if (!type) continue;
      kinds.add(type);
      wanted.add(nameKey(type, r.cells[n] ?? ''));
    }
    const named = (await this.deps.repo.namesOfKinds([...kinds])).filter((d) =>
      wanted.has(nameKey(d.type, d.nom)),
    );
    const stored = await this.existingRows(named.map((d) => d.id));
    const map = new Map<string, DynamicRow[]>();
    for (const row of stored.values()) {
      const key = nameKey(row.type, row.nom);
      map.set(key, [...(map.get(key) ?? []), row]);
    }
    return map;
  }

  private async existingRows(ids: string[]): Promise<Map<string, DynamicRow>> {
    const map = new Map<string, DynamicRow>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 5000) {
      for (const row of await this.deps.repo.findByIds(unique.slice(i, i + 5000))) map.set(row.id, row);
    }
    return map;
  }

  /**
   * One transaction, one lot, the answer stored under its key first thing; derived rows are computed
   * before (PGlite has one connection), and readers answer from memory while it runs.
   */
  private async apply(
    actor: Actor,
    writer: DynamicWriter,
    plan: ImportPlan,
    options: ImportOptions,
    answer: (lot: string) => ImportReport,
    key: IdempotencyKey,
  ): Promise<ImportReport> {
    const { repo, receipts, longWrites } = this.deps;
    const built = await buildWrites(writer, plan.writes, options.progress);
    const lot = importChangeSet(actorLabel(actor), plan.writes, options.filename);
    const report = answer(lot.id);
    const write = () =>
      repo.transaction(async (trx) => {
        await writeImport(this.deps, trx, lot, built, async () => {
          await receipts?.record(trx, { ...key, auteur: lot.auteur, lot: lot.id, reponse: report });
        });
      });
    try {
      await (longWrites ? longWrites.run(write) : write());
    } catch (error) {
      // The same import, sent twice at once: the other one wrote it; its answer is this one's.
      const replay = isDuplicateKey(error) ? await this.replay(actor, key) : undefined;
      if (replay) return replay;
      throw error;
    }
    if (plan.writes.length >= ANALYZE_AFTER_ROWS) await repo.analyze();
    return report;
  }

  /** The stored answer of an earlier import under this key; 409 when the key came with another file. */
  private async replay(actor: Actor, key: IdempotencyKey): Promise<ImportReport | undefined> {
    const receipt = await this.deps.receipts?.find(key.cle, actorLabel(actor));
    if (!receipt) return undefined;
    if (receipt.empreinte !== key.empreinte) {
      throw conflict(
        'Cette clé Idempotency-Key a déjà servi pour un autre fichier (ou d’autres options) : ' +
          'utilisez une nouvelle clé pour un nouvel import',
      );
    }
    return { ...(receipt.reponse as ImportReport), rejoue: true };
  }
}

function idCell(cells: string[], columns: (string | null)[]): string[] {
  const i = columns.indexOf('id');
  const id = i < 0 ? '' : (cells[i] ?? '').trim();
  return id ? [id] : [];
}

export function tooLarge(): AppError {
  return new AppError(
    'too_large',
    `Fichier trop volumineux : ${MAX_IMPORT_BYTES / 1024 / 1024} Mo au plus par import ; découpez-le`,
  );
}
