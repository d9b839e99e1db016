import {
  BEGINNING_EVENTS,
  type DynamicKind,
  EVENT_DEFAULT_STATUS,
  FIXED_TERM_KINDS,
  RENEWAL_EVENTS,
  type Status,
  type TimelineStatus,
} from './kinds.ts';
import type { CoordinationPost, DynamicEvent } from './schemas.ts';

/** Open start for a dynamic whose beginning is unknown. */
export const BEGINNING = '0001-01-01';

/** A renewal signed this many months before the end date extends the term instead of ending it. */
export const RENEWED_AHEAD_MONTHS = 12;

export interface StatusPeriod {
  statut: TimelineStatus;
  debut: string;
  /** Exclusive end; null = still current. */
  fin: string | null;
}

export interface Lifecycle {
  statut?: Status | null | undefined;
  dateDebut?: string | null | undefined;
  dateFin?: string | null | undefined;
  evenements: DynamicEvent[];
  verification?: { date: string } | null | undefined;
  sources?: readonly { consulte?: string | null | undefined }[] | undefined;
}

/**
 * The day a declared status was observed: the earliest of the verification and the sources consulted,
 * else `recordedOn` (the day the record was entered). Null when nothing dates it.
 */
export function observedOn(d: Lifecycle, recordedOn: string | null = null): string | null {
  let earliest: string | null = d.verification?.date ?? null;
  for (const s of d.sources ?? []) {
    if (s.consulte && (earliest === null || s.consulte < earliest)) earliest = s.consulte;
  }
  return earliest ?? recordedOn;
}

/**
 * Valid-time status history, in the rules of the registry:
 * - dated events carrying (or implying) a status make the timeline; before the first one the dynamic
 *   did not exist, unless that event implies an earlier life (a stop, a renewal): then "inconnu";
 * - without such events, the declared status is known from the day it was observed (`observedOn`), and
 *   "inconnu" before; an active dynamic is active from its start date, a stopped one stopped from the
 *   day after its end date;
 * - with neither such events nor a declared status (a source names the dynamic without saying how it
 *   stands), it is "inconnu" from its start date, or for any date;
 * - past `dateFin`, a dynamic that is not stopped is "echue" until a later event says otherwise, unless
 *   a renewal was recorded in the year before the end date (renewed ahead of term).
 * `recordedOn` dates the declared status of a record with neither verification nor source.
 */
export function statusTimeline(d: Lifecycle, recordedOn: string | null = null): StatusPeriod[] {
  const changes = statusChanges(d.evenements);
  const periods = changes.length === 0 ? declaredPeriods(d, recordedOn) : eventPeriods(d, changes);
  return mergeAdjacent(withExpiry(periods, d, changes));
}

interface StatusChange {
  date: string;
  statut: Status;
  type: DynamicEvent['type'];
}

function statusChanges(events: DynamicEvent[]): StatusChange[] {
  return events
    .map((e) => ({ date: e.date, type: e.type, statut: e.statut ?? EVENT_DEFAULT_STATUS[e.type] ?? null }))
    .filter((e): e is StatusChange => e.statut !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function declaredPeriods(d: Lifecycle, recordedOn: string | null): StatusPeriod[] {
  const origin = d.dateDebut ?? BEGINNING;
  // Named but never described: nothing says it was active, on any date.
  if (!d.statut) return [{ statut: 'inconnu', debut: origin, fin: null }];
  const statut = d.statut;
  const observed = observedOn(d, recordedOn);
  let known = observed ?? origin;
  if (statut === 'actif' && d.dateDebut && d.dateDebut < known) known = d.dateDebut;
  if (statut === 'arrete' && d.dateFin && nextDay(d.dateFin) < known) known = nextDay(d.dateFin);
  // Observed before its start date (a project seen ahead of its start): known from the observation.
  if (known <= origin) return [{ statut, debut: known, fin: null }];
  return [
    { statut: 'inconnu', debut: origin, fin: known },
    { statut, debut: known, fin: null },
  ];
}

function eventPeriods(d: Lifecycle, changes: StatusChange[]): StatusPeriod[] {
  const periods: StatusPeriod[] = [];
  const first = changes[0] as StatusChange;
  const origin = d.dateDebut ?? (BEGINNING_EVENTS.includes(first.type) ? first.date : BEGINNING);
  if (origin < first.date) periods.push({ statut: 'inconnu', debut: origin, fin: first.date });
  for (const c of changes) {
    const last = periods.at(-1);
    if (last && last.debut === c.date) {
      last.statut = c.statut; // several events the same day: the last one listed wins
      continue;
    }
    if (last?.statut === c.statut && last.fin === null) continue;
    if (last) last.fin = c.date;
    periods.push({ statut: c.statut, debut: c.date, fin: null });
  }
  return periods;
}

/** Overlays "echue" from the day after `dateFin` until the next dated status, if nothing renewed the term. */
function withExpiry(periods: StatusPeriod[], d: Lifecycle, changes: StatusChange[]): StatusPeriod[] {
  if (!d.dateFin) return periods;
  const expired = nextDay(d.dateFin);
  const renewedFrom = addMonths(d.dateFin, -RENEWED_AHEAD_MONTHS);
  const renewed = d.evenements.some(
    (e) => RENEWAL_EVENTS.includes(e.type) && e.date > renewedFrom && e.date <= expired,
  );
  const atExpiry = periods.find((p) => covers(p, expired));
  if (renewed || !atExpiry || atExpiry.statut === 'arrete') return periods;
  const until = changes.find((c) => c.date > expired)?.date ?? null;
  const out: StatusPeriod[] = [];
  for (const p of periods) {
    // The part of each period before `expired`, the échue span, then the part from `until` on.
    if (p.debut < expired) out.push({ ...p, fin: p.fin === null || p.fin > expired ? expired : p.fin });
    if (covers(p, expired)) out.push({ statut: 'echue', debut: expired, fin: until });
    if (until !== null && (p.fin === null || p.fin > until)) {
      out.push({ ...p, debut: p.debut > until ? p.debut : until });
    }
  }
  return out;
}

function covers(p: StatusPeriod, date: string): boolean {
  return p.debut <= date && (p.fin === null || date < p.fin);
}

function mergeAdjacent(periods: StatusPeriod[]): StatusPeriod[] {
  const out: StatusPeriod[] = [];
  for (const p of periods) {
    if (p.fin !== null && p.fin <= p.debut) continue;
    const last = out.at(-1);
    if (last && last.statut === p.statut && last.fin === p.debut) last.fin = p.fin;
    else out.push({ ...p });
  }
  return out;
}

/** Status on `date` (YYYY-MM-DD), or null when the dynamic did not exist yet. */
export function statusAt(
  d: Lifecycle,
  date: string,
  recordedOn: string | null = null,
): TimelineStatus | null {
  for (const p of statusTimeline(d, recordedOn)) if (covers(p, date)) return p.statut;
  return null;
}

/** The day after `date`: an end date is the last day of a term. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A post counts on `date` when it has started, has not ended and is filled. */
export function postActiveAt(post: CoordinationPost, date: string): boolean {
  if (post.vacant) return false;
  if (post.debut && post.debut > date) return false;
  if (post.fin && post.fin < date) return false;
  return true;
}

/** "Sans coordination": no post, or every post vacant or ended on that date. */
export function hasCoordinationAt(posts: CoordinationPost[], date: string): boolean {
  return posts.some((p) => postActiveAt(p, date));
}

export const VERIFY_AFTER_MONTHS = 12;
export const RENEW_WITHIN_MONTHS = 6;

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export interface Freshness {
  verifieLe: string | null;
  aVerifier: boolean;
  aRenouveler: boolean;
}

/**
 * Records not verified for 12 months, or past their end date with no renewal (échue), are to verify;
 * fixed-term contracts ending within 6 months are to renew.
 */
export function freshness(
  d: { type: DynamicKind; dateFin?: string | null | undefined; statut: TimelineStatus | null },
  verifieLe: string | null,
  today: string,
): Freshness {
  const aVerifier = !verifieLe || verifieLe < addMonths(today, -VERIFY_AFTER_MONTHS) || d.statut === 'echue';
  const aRenouveler =
    FIXED_TERM_KINDS.includes(d.type) &&
    d.statut !== 'arrete' &&
    Boolean(d.dateFin) &&
    (d.dateFin as string) <= addMonths(today, RENEW_WITHIN_MONTHS);
  return { verifieLe, aVerifier, aRenouveler };
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
