/**
 * The one list of error types. Services throw these; src/http/error-handler.ts turns them into
 * French JSON responses with the right status, and the CLI prints their message.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'too_large'
  | 'too_many_requests'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Field path → message, for input errors. */
    readonly champs?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, champs?: Record<string, string>) =>
  new AppError('invalid', message, champs);
export const notFound = (message: string) => new AppError('not_found', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const unavailable = (message: string) => new AppError('unavailable', message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
