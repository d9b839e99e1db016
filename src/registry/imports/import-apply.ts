import { randomUUID } from 'node:crypto';
import { conflict } from '../../domain/errors.ts';
import type { ChangeSetRepository } from '../../kernel/changesets/change-set.repository.ts';
import type { HistoryEntry, HistoryRepository } from '../../kernel/history/history.repository.ts';
import type { ProgressReporter } from '../../kernel/progress.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';
import type { DynamicWriter } from '../dynamic-writer.ts';
import { historySnapshot, recordedDay } from '../registry.presenter.ts';
import type { DynamicWrite, RegistryRepository } from '../registry.repository.ts';
import { insertDynamics, updateDynamics } from '../registry-bulk.repository.ts';
import type { PlannedWrite } from './import-plan.ts';

export interface ApplyDeps {
  history: HistoryRepository;
  lots: ChangeSetRepository;
}

export interface ChangeSetHead {
  id: string;
  auteur: string;
  description: string;
}

/** The lot of an import: its id is chosen first, so that the stored answer can name it. */
export function importChangeSet(auteur: string, writes: PlannedWrite[], filename?: string): ChangeSetHead {
  const created = writes.filter((w) => w.kind === 'create').length;
  return {
    id: randomUUID(),
    auteur,
    description:
      `Import ${filename ? `du fichier ${filename}` : 'de dynamiques'} : ` +
      `${created} création(s), ${writes.length - created} modification(s)`,
  };
}

/** Rows and derived tables of every planned write, computed before any transaction opens. */
export async function buildWrites(
  writer: DynamicWriter,
  writes: PlannedWrite[],
  progress?: ProgressReporter,
): Promise<{ planned: PlannedWrite; write: DynamicWrite }[]> {
  const built: { planned: PlannedWrite; write: DynamicWrite }[] = [];
  for (const planned of writes) {
    const id = planned.kind === 'update' ? planned.current.id : writer.newId();
    // A record's status without dated events is known from the day it was entered, kept on update.
    const recordedOn = planned.kind === 'update' ? recordedDay(planned.current) : undefined;
    built.push({ planned, write: await writer.build(id, planned.input, recordedOn) });
    progress?.({ step: 'préparation', done: built.length, total: writes.length });
    if (built.length % 100 === 0) await yieldToEventLoop();
  }
  return built;
}

/**
 * Writes an import inside `trx`, set-based: creations in bulk, modifications in bulk each checked against
 * the version the plan read (someone writing in between refuses the whole import), history in file order.
 */
export async function writeImport(
  deps: ApplyDeps,
  trx: Parameters<Parameters<RegistryRepository['transaction']>[0]>[0],
  lot: ChangeSetHead,
  built: { planned: PlannedWrite; write: DynamicWrite }[],
  /** Run right after the lot is created, before any row (the stored answer names the lot). */
  beforeRows?: () => Promise<void>,
): Promise<void> {
  const { history, lots } = deps;
  await lots.create(trx, { ...lot, nombre: built.length });
  await beforeRows?.();
  await insertDynamics(
    trx,
    built.filter((b) => b.planned.kind === 'create').map((b) => b.write),
  );
  const updates = built.flatMap(({ planned, write }) =>
    planned.kind === 'update' ? [{ planned, write, expectedVersion: planned.current.version }] : [],
  );
  const missed = new Set(await updateDynamics(trx, updates));
  const first = updates.find((u) => missed.has(u.write.id));
  if (first?.planned.kind === 'update') {
    throw conflict(
      `La dynamique « ${first.planned.current.nom} » (ligne ${first.planned.line}) a été modifiée pendant ` +
        'l’import : rien n’a été enregistré, relancez l’import',
    );
  }
  const entries: HistoryEntry[] = built.map(({ planned, write }) => {
    const base = { entite: 'dynamique', entiteId: write.id, auteur: lot.auteur, lot: lot.id };
    if (planned.kind === 'create') {
      return {
        ...base,
        action: 'creation',
        avant: null,
        apres: historySnapshot(write.id, 1, planned.input),
      };
    }
    const { current } = planned;
    return {
      ...base,
      action: 'modification',
      avant: historySnapshot(current.id, current.version, current.document as never),
      apres: historySnapshot(current.id, current.version + 1, planned.input),
    };
  });
  await history.recordMany(trx, entries);
}
