import type { meOut, tokenCreated, tokenOut, userOut } from '@domain/auth/responses.ts';
import type { z } from 'zod';
import { ApiError, requestJson } from '../../api/client.ts';

/**
 * Shapes of the account answers, from the server's response schemas. `derniereConnexion` is read when the
 * server sends it (older servers do not), so the list shows "—" rather than failing.
 */
export type Account = z.infer<typeof userOut> & { derniereConnexion?: string | null };
export type Me = z.infer<typeof meOut>;
export type Token = z.infer<typeof tokenOut>;
export type CreatedToken = z.infer<typeof tokenCreated>;

/** The JSON body of a write, with its content type. */
export function jsonBody(
  body: unknown,
  extra: Record<string, string> = {},
): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(body) };
}

/** Whether an error means "this server has no such route" (a feature not installed on this platform). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405);
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, String(e));
}

/**
 * Downloads a JSON answer as a file the person keeps (their data, an account's data). Null when the
 * server has no such export yet; the page then says so instead of saving an error as a file.
 */
export async function downloadJson(url: string, fileName: string): Promise<'ok' | 'absent'> {
  try {
    const { data } = await requestJson<unknown>(url);
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    // The browser has started the download; the object URL can go once the click is handled.
    setTimeout(() => URL.revokeObjectURL(href), 0);
    return 'ok';
  } catch (e) {
    if (isMissingRoute(e)) return 'absent';
    throw e;
  }
}
