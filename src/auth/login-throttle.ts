import { AppError } from '../domain/errors.ts';

const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 10;
const MAX_TRACKED = 10_000;

/**
 * Attempts per client address over the last minute: past the limit, 429 before any password work, so
 * guessing across many accounts from one place is slowed as much as guessing one account (which the
 * per-account lockout handles). Login counts its failures; the « mot de passe oublié » form counts every
 * request.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly message = 'Trop de tentatives de connexion : réessayez dans une minute') {}

  check(from: string): void {
    const recent = this.recent(from);
    if (recent.length >= MAX_PER_WINDOW) throw new AppError('too_many_requests', this.message);
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
