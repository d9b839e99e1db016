import { createHmac, timingSafeEqual } from 'node:crypto';

/** What must come back unchanged from the provider: the anti-forgery state, the nonce, the PKCE verifier. */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  /** Epoch milliseconds after which the attempt is void. */
  expires: number;
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** `payload.signature`: the browser carries it, only this server can have written it. */
export function sealPendingLogin(key: Buffer, pending: PendingLogin): string {
  const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The pending login of a cookie, or null when it is missing, altered or expired. */
export function openPendingLogin(
  key: Buffer,
  sealed: string | undefined,
  now = Date.now(),
): PendingLogin | null {
  const [payload, signature, extra] = (sealed ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const pending = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PendingLogin;
    return typeof pending.expires === 'number' && pending.expires > now ? pending : null;
  } catch {
    return null;
  }
}
