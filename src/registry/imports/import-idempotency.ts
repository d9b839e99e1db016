import { createHash } from 'node:crypto';
import { invalid } from '../../domain/errors.ts';

/** Longest `Idempotency-Key` accepted (a UUID is 36 characters). */
const MAX_KEY_LENGTH = 200;

export interface IdempotencyKey {
  /** Under which the answer is stored: the caller's key, or the file's fingerprint without one. */
  cle: string;
  /** SHA-256 of the file and of the options that change what an import writes. */
  empreinte: string;
}

/** The key of an import: `Idempotency-Key` when given, else the file's hash and the options. */
export function idempotencyKey(
  bytes: Uint8Array,
  options: { dryRun: boolean },
  given?: string,
): IdempotencyKey {
  const empreinte = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify({ dryRun: options.dryRun }))
    .digest('hex');
  if (given === undefined) return { cle: `fichier:${empreinte}`, empreinte };
  const key = given.trim();
  if (key === '' || key.length > MAX_KEY_LENGTH) {
    throw invalid(`En-tête Idempotency-Key invalide : de 1 à ${MAX_KEY_LENGTH} caractères`, {
      'Idempotency-Key': `de 1 à ${MAX_KEY_LENGTH} caractères`,
    });
  }
  return { cle: `cle:${key}`, empreinte };
}
