import { type DynamicKind, EVENT_DEFAULT_STATUS, FIXED_TERM_KINDS, type Status } from './kinds.ts';
import type { CoordinationPost, DynamicEvent } from './schemas.ts';

/** Open start for a dynamic whose beginning is unknown. */
export const BEGINNING = '0001-01-01';

export interface StatusPeriod {
  statut: Status;
  debut: string;
  /** Exclusive end; null = still current. */
  fin: string | null;
}

interface Lifecycle {
  statut?: Status | null | undefined;
  dateDebut?: string | null | undefined;
  evenements: DynamicEvent[];
}

/**
 * Valid-time status history. Dated events that carry (or imply) a status rule; without them the
 * declared status holds from the start date. A dynamic does not exist before its first period.
 */
export function statusTimeline(d: Lifecycle): StatusPeriod[] {
  const changes = d.evenements
    .map((e) => ({ date: e.date, statut: e.statut ?? EVENT_DEFAULT_STATUS[e.type] ?? null }))
    .filter((e): e is { date: string; statut: Status } => e.statut !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (changes.length === 0) {
    return [{ statut: d.statut ?? 'actif', debut: d.dateDebut ?? BEGINNING, fin: null }];
  }
  const periods: StatusPeriod[] = [];
  for (const c of changes) {
    const last = periods.at(-1);
    if (last && last.debut === c.date) {
      last.statut = c.statut; // several events the same day: the last one listed wins
      continue;
    }
    if (last?.statut === c.statut) continue;
    if (last) last.fin = c.date;
    periods.push({ statut: c.statut, debut: c.date, fin: null });
  }
  return mergeAdjacent(periods);
}

function mergeAdjacent(periods: StatusPeriod[]): StatusPeriod[] {
  const out: StatusPeriod[] = [];
  for (const p of periods) {
    const last = out.at(-1);
    if (last && last.statut === p.statut && last.fin === p.debut) last.fin = p.fin;
    else out.push({ ...p });
  }
  return out;
}

/** Status on `date` (YYYY-MM-DD), or null when the dynamic did not exist yet. */
export function statusAt(d: Lifecycle, date: string): Status | null {
  for (const p of statusTimeline(d)) {
    if (p.debut <= date && (p.fin === null || date < p.fin)) return p.statut;
  }
  return null;
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

/** Records not verified for 12 months are flagged; fixed-term contracts ending within 6 months too. */
export function freshness(
  d: { type: DynamicKind; dateFin?: string | null | undefined; statut: Status | null },
  verifieLe: string | null,
  today: string,
): Freshness {
  const aVerifier = !verifieLe || verifieLe < addMonths(today, -VERIFY_AFTER_MONTHS);
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
