import type { EventType, Status } from './kinds.ts';
import type { DynamicInput } from './schemas.ts';

/** The event type that records a move from one declared status to another. */
export function statusEventType(from: Status | null, to: Status): EventType {
  if (to === 'arrete') return 'arret';
  if (to === 'suspendu') return 'suspension';
  if (to === 'actif' && from === 'suspendu') return 'reprise';
  return 'autre';
}

/**
 * A record whose status was only declared (no dated event) and whose declared status changes: without
 * events, the new status would be read as true since the day the record was observed, erasing its past.
 * The change becomes two dated events instead: the former status from when it was known (start date,
 * verification or entry day), the new one from `on`. Any other edit is returned unchanged.
 */
export function dateDeclaredStatusChange(
  before: DynamicInput,
  after: DynamicInput,
  on: string,
  recordedOn: string,
  note = 'Changement de statut saisi sur la fiche',
): DynamicInput {
  if (before.evenements.length > 0 || after.evenements.length > 0) return after;
  if (!before.statut || !after.statut || before.statut === after.statut) return after;
  const since = before.dateDebut ?? before.verification?.date ?? recordedOn;
  const events: DynamicInput['evenements'] = [];
  if (since < on) {
    events.push({
      date: since,
      type: before.dateDebut ? 'creation' : 'verification',
      statut: before.statut,
      note: 'Statut déclaré avant ce changement',
    });
  }
  events.push({ date: on, type: statusEventType(before.statut, after.statut), statut: after.statut, note });
  return { ...after, evenements: events };
}
