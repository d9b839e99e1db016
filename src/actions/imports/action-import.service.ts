import { randomUUID } from 'node:crypto';
import {
  ACTION_COLUMNS,
  type ActionColumn,
  columnOfPath,
  inputFromRow,
} from '../../domain/actions/import-columns.ts';
import type { ActionImportReport } from '../../domain/actions/responses.ts';
import { type ActionInput, actionInput } from '../../domain/actions/schemas.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { FILE_FIELD } from '../../domain/kernel/import-issue.ts';
import { foldText } from '../../domain/text/normalize.ts';
import { ImportIssues } from '../../kernel/tabular/import-issues.ts';
import { readTable } from '../../kernel/tabular/read-table.ts';
import type { ActionDerived, ActionRepository, ActionRow } from '../action.repository.ts';
import type { ActionChange, ActionService } from '../action.service.ts';
import { ACTIONS_SHEET } from '../action-exports.ts';
import { assertMayWriteAction, creatorOf } from '../action-scope.ts';

export const MAX_ACTION_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_ACTION_IMPORT_ROWS = 20_000;

export const tooLarge = () =>
  new AppError('too_large', `Fichier trop volumineux : ${MAX_ACTION_IMPORT_BYTES / 1024 / 1024} Mo au plus`);

const COLUMN_BY_KEY = new Map(ACTION_COLUMNS.map((c) => [foldText(c).replace(/ /g, ''), c]));

/** JSON with keys sorted: tells an unchanged line whatever order the database gave the stored keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

interface ValidLine {
  ligne: number;
  id: string | null;
  action: ActionInput;
  current: ActionRow | null;
}

/**
 * Imports actions from CSV or XLSX (the export's columns): each line is validated like an API input and
 * checked like one (territories, dynamics, notices, scopes); only a file without any error is written, in
 * one transaction recorded as one change set. A line with an `id` modifies that action.
 */
export class ActionImportService {
  constructor(
    private readonly actions: ActionService,
    private readonly repo: ActionRepository,
  ) {}

  async importFile(
    actor: Actor,
    bytes: Uint8Array,
    options: { dryRun: boolean; filename?: string | undefined },
  ): Promise<ActionImportReport> {
    if (bytes.length > MAX_ACTION_IMPORT_BYTES) throw tooLarge();
    const table = await readTable(bytes, {
      filename: options.filename,
      sheet: ACTIONS_SHEET,
      comments: true,
    });
    if (table.rows.length > MAX_ACTION_IMPORT_ROWS) {
      throw new AppError(
        'too_large',
        `Fichier trop long : ${table.rows.length} lignes, ${MAX_ACTION_IMPORT_ROWS} au plus par import ; découpez-le`,
      );
    }
    const issues = new ImportIssues({ columns: ACTION_COLUMNS });
    issues.push(...table.problems);
    const index = new Map<ActionColumn, number>();
    table.header.forEach((name, i) => {
      const column = COLUMN_BY_KEY.get(foldText(name).replace(/ /g, ''));
      if (!column) issues.add(table.headerLine, name || `(colonne ${i + 1})`, 'colonne inconnue');
      else if (index.has(column)) issues.add(table.headerLine, column, 'colonne en double');
      else index.set(column, i);
    });
    if (table.header.length > 0 && !index.has('id')) {
      for (const required of ['type', 'titre'] as const)
        if (!index.has(required)) issues.add(table.headerLine, required, 'colonne obligatoire absente');
    }

    const lines = this.readLines(table.rows, index, issues);
    const current = new Map(
      (await this.repo.findByIds(lines.flatMap((l) => (l.id ? [l.id] : [])))).map((r) => [r.id, r]),
    );
    for (const l of lines) {
      if (!l.id) continue;
      l.current = current.get(l.id) ?? null;
      if (!l.current) issues.add(l.ligne, 'id', `action inconnue : ${l.id}`);
    }
    const checkable = lines.filter((l) => !l.id || l.current);
    const { prepared, errors } = await this.actions.prepare(
      checkable.map((l) => ({ action: l.action, previous: l.current })),
      (i) => `${i}|`,
    );
    for (const [key, message] of Object.entries(errors)) {
      const [rank, path] = key.split('|') as [string, string];
      issues.add((checkable[Number(rank)] as ValidLine).ligne, columnOfPath(path), message);
    }

    const creates = [];
    const changes: ActionChange[] = [];
    let inchanges = 0;
    const creePar = creatorOf(actor);
    for (const [i, l] of checkable.entries()) {
      const p = prepared[i];
      if (!p) continue;
      try {
        if (l.current) {
          assertMayWriteAction(actor, {
            action: l.current.document as ActionInput,
            geo: (l.current.derive as ActionDerived).geo,
            creePar: l.current.cree_par,
          });
        }
        assertMayWriteAction(actor, {
          action: p.action,
          geo: p.derived.geo,
          creePar: l.current?.cree_par ?? creePar,
        });
      } catch (e) {
        if (!isAppError(e)) throw e;
        issues.add(l.ligne, FILE_FIELD, e.message);
        continue;
      }
      if (!l.current) creates.push({ id: randomUUID(), ...p, creePar });
      else if (canonical(p.action) === canonical(l.current.document)) inchanges++;
      else changes.push({ id: l.current.id, ...p, current: l.current });
    }

    const valide = issues.length === 0;
    const report = {
      valide,
      lignes: table.rows.length,
      erreurs: issues.sorted(),
      crees: creates.length,
      modifies: changes.length,
      inchanges,
      dryRun: options.dryRun,
      lot: null as string | null,
    };
    if (!valide) return { ...report, crees: 0, modifies: 0, inchanges: 0 };
    if (options.dryRun || creates.length + changes.length === 0) return report;
    const lot = await this.actions.applyChangeSet(
      actor,
      { creates, changes },
      `Import d’actions${options.filename ? ` : ${options.filename}` : ''} (${creates.length} créée(s), ${changes.length} modifiée(s))`,
    );
    return { ...report, lot };
  }

  private readLines(
    rows: { line: number; cells: string[] }[],
    index: Map<ActionColumn, number>,
    issues: ImportIssues,
  ): ValidLine[] {
    const out: ValidLine[] = [];
    const ids = new Set<string>();
    for (const row of rows) {
      const cell = (c: ActionColumn) => {
        const i = index.get(c);
        return i === undefined ? '' : (row.cells[i] ?? '');
      };
      const id = cell('id').trim() || null;
      if (id && ids.has(id)) {
        issues.add(row.line, 'id', `action présente deux fois dans le fichier : ${id}`);
        continue;
      }
      if (id) ids.add(id);
      const parsed = actionInput.safeParse(inputFromRow(cell));
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          issues.add(row.line, columnOfPath(issue.path.map(String).join('.')) || FILE_FIELD, issue.message);
        continue;
      }
      out.push({ ligne: row.line, id, action: parsed.data, current: null });
    }
    return out;
  }
}
