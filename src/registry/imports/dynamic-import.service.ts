import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { AppError, conflict } from '../../domain/errors.ts';
import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import { IMPORT_COLUMNS } from '../../domain/registry/import-columns.ts';
import { TerritoryLookup } from '../../domain/registry/territory-lookup.ts';
import { todayIso } from '../../domain/registry/timeline.ts';
import { formatInteger } from '../../domain/reports/french.ts';
import type { ChangeSetRepository } from '../../kernel/changesets/change-set.repository.ts';
import type { HistoryEntry, HistoryRepository } from '../../kernel/history/history.repository.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import { sortAndCap } from '../../kernel/tabular/import-issues.ts';
import type { FileHint } from '../../kernel/tabular/read-table.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import { historySnapshot, recordedDay } from '../registry.presenter.ts';
import type { DynamicRow, DynamicWrite, RegistryRepository } from '../registry.repository.ts';
import type { ImportReport } from './dynamic-import-report.ts';
import { readImportFile } from './import-file.ts';
import { mapHeader } from './import-header.ts';
import { type ImportPlan, type PlannedWrite, planImport } from './import-plan.ts';
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
  clock?: () => Date;
}

export interface ImportOptions extends FileHint {
  dryRun: boolean;
  /** The CLI draws a bar; the server reports nothing. */
  progress?: ProgressReporter | undefined;
}

/**
 * Imports dynamics from a CSV or XLSX file: every row is validated like an API input, and only a file
 * without any error is written, in one transaction recorded as one change set (`lot`).
 */
export class DynamicImportService {
  constructor(private readonly deps: ImportDeps) {}

  async importFile(actor: Actor, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
    if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
    const table = await readImportFile(bytes, options);
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new AppError(
        'too_large',
        `Fichier trop long : ${formatInteger(table.rows.length)} lignes, ${formatInteger(MAX_IMPORT_ROWS)} au plus ` +
          'par import ; découpez-le en plusieurs fichiers',
      );
    }
    const report = (plan: Pick<ImportPlan, 'lignes' | 'errors'>, extra: Partial<ImportReport> = {}) => ({
      valide: plan.errors.length === 0,
      lignes: plan.lignes,
      erreurs: sortAndCap(plan.errors, { columns: IMPORT_COLUMNS }),
      crees: 0,
      modifies: 0,
      inchanges: 0,
      dryRun: options.dryRun,
      lot: null,
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
    };
    if (options.dryRun || plan.writes.length === 0) return report(plan, counts);
    const lot = await this.apply(actor, writer, plan.writes, options);
    return report(plan, { ...counts, lot });
  }

  private async existingRows(ids: string[]): Promise<Map<string, DynamicRow>> {
    const map = new Map<string, DynamicRow>();
    for (const id of new Set(ids)) {
      const row = await this.deps.repo.findById(id);
      if (row) map.set(id, row);
    }
    return map;
  }

  /** One transaction, one lot; derived rows are computed first (PGlite has one connection). */
  private async apply(
    actor: Actor,
    writer: DynamicWriter,
    writes: PlannedWrite[],
    options: ImportOptions,
  ): Promise<string> {
    const { repo, history, lots } = this.deps;
    const { filename, progress } = options;
    const built: { planned: PlannedWrite; write: DynamicWrite }[] = [];
    for (const planned of writes) {
      const id = planned.kind === 'update' ? planned.current.id : writer.newId();
      const recordedOn = planned.kind === 'update' ? recordedDay(planned.current) : undefined;
      built.push({ planned, write: await writer.build(id, planned.input, recordedOn) });
      progress?.({ step: 'préparation', done: built.length, total: writes.length });
    }
    const lotId = randomUUID();
    const auteur = actorLabel(actor);
    const created = writes.filter((w) => w.kind === 'create').length;
    const description =
      `Import ${filename ? `du fichier ${filename}` : 'de dynamiques'} : ` +
      `${created} création(s), ${writes.length - created} modification(s)`;
    await repo.transaction(async (trx) => {
      await lots.create(trx, { id: lotId, auteur, description, nombre: writes.length });
      // Creations in bulk (a few statements per thousand rows), history rows in the file's order.
      const creations = built.filter((b) => b.planned.kind === 'create');
      await repo.insertMany(
        trx,
        creations.map((b) => b.write),
      );
      const entries: HistoryEntry[] = [];
      for (const { planned, write } of built) {
        if (planned.kind === 'create') {
          entries.push({
            entite: 'dynamique',
            entiteId: write.id,
            action: 'creation',
            auteur,
            lot: lotId,
            avant: null,
            apres: historySnapshot(write.id, 1, planned.input),
          });
          continue;
        }
        const { current } = planned;
        if (!(await repo.update(trx, write, current.version))) {
          throw conflict(
            `La dynamique « ${current.nom} » (ligne ${planned.line}) a été modifiée pendant l’import : ` +
              'rien n’a été enregistré, relancez l’import',
          );
        }
        entries.push({
          entite: 'dynamique',
          entiteId: write.id,
          action: 'modification',
          auteur,
          lot: lotId,
          avant: historySnapshot(current.id, current.version, current.document as never),
          apres: historySnapshot(current.id, current.version + 1, planned.input),
        });
      }
      await history.recordMany(trx, entries);
    });
    if (writes.length >= ANALYZE_AFTER_ROWS) await repo.analyze();
    return lotId;
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
