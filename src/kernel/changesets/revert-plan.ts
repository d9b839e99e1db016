/** A write of a change set, as the history recorded it. */
export interface ChangeSetWrite {
  entite_id: string;
  action: string;
  version: number | null;
  avant: unknown;
}

/** What reverting one record means: delete what the change set created, restore what it modified. */
export type RevertStep<Row> =
  | { kind: 'delete'; current: Row }
  | { kind: 'restore'; current: Row; before: unknown };

export interface RevertPlan<Row> {
  steps: RevertStep<Row>[];
  /** Records changed or deleted since the change set: their id, and the row when it still exists. */
  changedSince: { id: string; current: Row | undefined }[];
}

/**
 * Plans the revert of one kind of record: each record must still be at the version the change set left it
 * in (its last write), otherwise reverting would silently undo someone's later edit.
 */
export function planRevert<Row extends { id: string; version: number }>(
  writes: ChangeSetWrite[],
  currentRows: Map<string, Row>,
): RevertPlan<Row> {
  const byRecord = new Map<string, { first: ChangeSetWrite; last: ChangeSetWrite }>();
  for (const w of writes) {
    const seen = byRecord.get(w.entite_id);
    byRecord.set(w.entite_id, { first: seen?.first ?? w, last: w });
  }
  const steps: RevertStep<Row>[] = [];
  const changedSince: RevertPlan<Row>['changedSince'] = [];
  for (const [id, { first, last }] of byRecord) {
    const current = currentRows.get(id);
    if (!current || current.version !== last.version) {
      changedSince.push({ id, current });
    } else if (first.action === 'creation') {
      steps.push({ kind: 'delete', current });
    } else {
      steps.push({ kind: 'restore', current, before: first.avant });
    }
  }
  return { steps, changedSince };
}
