import { AppError } from '../../domain/errors.ts';

/** Strong ETag of a versioned record: its version number in quotes. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version a write was based on, from its `If-Match` header (`"3"`, `W/"3"` or `3`). Conditional requests
 * are an HTTP matter, so routes call this and services only see the number: missing → 428, malformed → 412.
 */
export function expectedVersion(ifMatch: string | string[] | undefined): number {
  const value = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
  if (!value) {
    throw new AppError(
      'precondition_required',
      'En-tête If-Match obligatoire : renvoyez l’ETag lu avec la fiche',
    );
  }
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!m) throw new AppError('precondition_failed', `If-Match invalide : ${value.slice(0, 40)}`);
  return Number(m[1]);
}
