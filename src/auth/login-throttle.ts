import { AppError } from '../domain/errors.ts';

const WINDOW_MS = 60_000;
const MAX_FAILURES_PER_WINDOW = 10;
const MAX_TRACKED = 10_000;

/**
 * Failed logins per client address over the last minute: past the limit, 429 before any password work, so
 * guessing across many accounts from one place is slowed as much as guessing one account (which the
 * per-account lockout handles).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(from: string): void {
    const recent = this.recent(from);
    if (recent.length >= MAX_FAILURES_PER_WINDOW) {
      throw new AppError('too_many_requests', 'Trop de tentatives de connexion : réessayez dans une minute');
    }
  }

  fail(from: string): void {
    if (this.failures.size > MAX_TRACKED) this.failures.clear();
    this.failures.set(from, [...this.recent(from), Date.now()]);
  }

  private recent(from: string): number[] {
    const since = Date.now() - WINDOW_MS;
    return (this.failures.get(from) ?? []).filter((t) => t > since);
  }
}
