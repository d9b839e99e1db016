import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { conflict } from '../domain/errors.ts';
import type { ImportIssue } from '../domain/kernel/import-issue.ts';
import type { SourceSyncReport } from '../domain/registry/responses.ts';
import { type DynamicInput, dynamicInput } from '../domain/registry/schemas.ts';
import {
  canonicalJson,
  mergeDynamic,
  newDynamic,
  type SourcedRecord,
  type SyncBatch,
  shouldStop,
  stopDynamic,
} from '../domain/registry/source-sync.ts';
import type { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import type { HistoryEntry, HistoryRepository } from '../kernel/history/history.repository.ts';
import type { ProgressReporter } from '../kernel/progress.ts';
import { sortAndCap } from '../kernel/tabular/import-issues.ts';
import type { DynamicWriter } from './dynamic-writer.ts';
import { historySnapshot } from './registry.presenter.ts';
import type { DynamicRow, DynamicWrite, RegistryRepository } from './registry.repository.ts';
import { insertDynamics, updateDynamics } from './registry-bulk.repository.ts';
import type { SourceKeysRepository } from './source-keys.repository.ts';

export type { SourcedRecord, SyncBatch };

export interface SourceSyncInput {
  batch: SyncBatch;
  records: SourcedRecord[];
  /** Lines (or features) read from the source, and what could not be read from them. */
  lignes: number;
  issues: ImportIssue[];
}

export interface SourceSyncOptions {
  dryRun: boolean;
  progress?: ProgressReporter | undefined;
  /** Refuse a source older than the one already imported (it would undo newer changes). */
  refuseOlder?: boolean;
}

type Planned =
  | { kind: 'create'; line: number; input: DynamicInput }
  | { kind: 'update' | 'stop'; line: number; input: DynamicInput; current: DynamicRow };

/** A larger sync changes the tables enough for the planner's statistics to need refreshing. */
const ANALYZE_AFTER_ROWS = 500;

/**
 * Brings the registry in line with a published source (FINESS, a WFS layer): records are matched on
 * the source's key; new ones are created, changed ones updated, those of the source's kinds that it no
 * longer lists are stopped at its date — never deleted. All or nothing, in one change set whose history
 * entries carry the source's label. A second run of the same source changes nothing.
 */
export class SourceSyncService {
  constructor(
    private readonly deps: {
      repo: RegistryRepository;
      writer: DynamicWriter;
      history: HistoryRepository;
      lots: ChangeSetRepository;
      keys: SourceKeysRepository;
    },
  ) {}

  async sync(actor: Actor, input: SourceSyncInput, options: SourceSyncOptions): Promise<SourceSyncReport> {
    const { batch } = input;
    const issues = [...input.issues];
    const stored = await this.deps.keys.keyed(batch.keyField, batch.keyPrefix, batch.kinds);
    const byKey = new Map<string, DynamicRow>();
    for (const row of stored) if (!byKey.has(row.cle)) byKey.set(row.cle, row);
    const newest = stored
      .filter((r) => r.verifie_par === batch.verifiedBy && r.verifie_le)
      .reduce((max, r) => ((r.verifie_le as string) > max ? (r.verifie_le as string) : max), '');
    if (options.refuseOlder && newest > batch.date) {
      issues.push({
        ligne: 1,
        champ: 'date',
        message: `source du ${batch.date} plus ancienne que celle déjà importée (${newest}) : rien n’est importé`,
      });
    }

    const planned: Planned[] = [];
    let unchanged = 0;
    const seen = new Map<string, number>();
    for (const rec of input.records) {
      const first = seen.get(rec.key);
      if (first !== undefined) {
        issues.push({ ligne: rec.line, champ: batch.keyField, message: `${rec.key} déjà lu ligne ${first}` });
        continue;
      }
      seen.set(rec.key, rec.line);
      const current = byKey.get(rec.key);
      const next = current
        ? mergeDynamic(current.document as DynamicInput, rec, batch)
        : newDynamic(rec, batch);
      const parsed = dynamicInput.safeParse(next);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({
            ligne: rec.line,
            champ: issue.path.join('.') || batch.keyField,
            message: issue.message,
          });
        }
        continue;
      }
      if (!current) planned.push({ kind: 'create', line: rec.line, input: parsed.data });
      else if (canonicalJson(parsed.data) === canonicalJson(current.document)) unchanged += 1;
      else planned.push({ kind: 'update', line: rec.line, input: parsed.data, current });
    }
    if (batch.stopMissing) {
      for (const [key, current] of byKey) {
        const doc = current.document as DynamicInput;
        if (seen.has(key) || !shouldStop(doc, batch)) continue;
        planned.push({ kind: 'stop', line: 0, input: stopDynamic(doc, batch), current });
      }
    }

    const count = (kind: Planned['kind']) => planned.filter((p) => p.kind === kind).length;
    const report: SourceSyncReport = {
      valide: issues.length === 0,
      lignes: input.lignes,
      erreurs: sortAndCap(issues),
      crees: count('create'),
      modifies: count('update'),
      arretes: count('stop'),
      inchanges: unchanged,
      dryRun: options.dryRun,
      lot: null,
      rejoue: false,
      dateSource: batch.date,
    };
    if (issues.length > 0) return { ...report, crees: 0, modifies: 0, arretes: 0 };
    if (options.dryRun || planned.length === 0) return report;
    return { ...report, lot: await this.apply(actor, batch, planned, options.progress) };
  }

  private async apply(actor: Actor, batch: SyncBatch, planned: Planned[], progress?: ProgressReporter) {
    const { repo, history, lots } = this.deps;
    const writer = planned.length >= 100 ? await this.deps.writer.withReferenceInMemory() : this.deps.writer;
    const built: { planned: Planned; write: DynamicWrite }[] = [];
    for (const p of planned) {
      const id = p.kind === 'create' ? writer.newId() : p.current.id;
      built.push({ planned: p, write: await writer.build(id, p.input) });
      progress?.({ step: 'préparation', done: built.length, total: planned.length });
    }
    const lot = randomUUID();
    const auteur = actorLabel(actor);
    const counts = ['create', 'update', 'stop'].map((k) => planned.filter((p) => p.kind === k).length);
    const description =
      `Import ${batch.label} : ${counts[0]} création(s), ${counts[1]} modification(s), ` +
      `${counts[2]} arrêt(s)`;
    await repo.transaction(async (trx) => {
      await lots.create(trx, { id: lot, auteur, description, nombre: planned.length });
      await insertDynamics(
        trx,
        built.filter((b) => b.planned.kind === 'create').map((b) => b.write),
      );
      // Updates and stops in a few set-based statements: a newer extraction rewrites thousands of rows.
      const changed = built.flatMap(({ planned: p, write }) =>
        p.kind === 'create' ? [] : [{ planned: p, write, expectedVersion: p.current.version }],
      );
      const missed = new Set(await updateDynamics(trx, changed));
      const moved = changed.find((c) => missed.has(c.write.id));
      if (moved) {
        throw conflict(
          `La dynamique « ${moved.planned.current.nom} » a été modifiée pendant l’import : rien n’a été ` +
            'enregistré, relancez l’import',
        );
      }
      const entries: HistoryEntry[] = built.map(({ planned: p, write }) => {
        const base = { entite: 'dynamique', entiteId: write.id, source: batch.label, auteur, lot };
        if (p.kind === 'create')
          return { ...base, action: 'creation', avant: null, apres: historySnapshot(write.id, 1, p.input) };
        const { current } = p;
        return {
          ...base,
          action: 'modification',
          avant: historySnapshot(current.id, current.version, current.document as DynamicInput),
          apres: historySnapshot(current.id, current.version + 1, p.input),
        };
      });
      await history.recordMany(trx, entries);
    });
    if (planned.length >= ANALYZE_AFTER_ROWS) await repo.analyze();
    return lot;
  }
}
