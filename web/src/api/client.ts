/** JSON access to the platform's API; errors carry the French message the server wrote. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly champs: Record<string, string> = {},
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

async function failure(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy or network error page.
  }
  const b = (body ?? {}) as { erreur?: string; champs?: Record<string, string> };
  const message = b.erreur ?? `Le serveur a répondu ${res.status} ${res.statusText}`.trim();
  return new ApiError(res.status, message, b.champs ?? {}, body);
}

export interface JsonResponse<T> {
  data: T;
  etag: string | null;
}

/** The session's anti-forgery token, set by the server at login in a cookie the page can read. */
function csrfToken(): string | null {
  const m = /(?:^|;\s*)odts_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1] as string) : null;
}

export async function requestJson<T>(
  url: string,
  init: RequestInit & { signal?: AbortSignal | undefined } = {},
): Promise<JsonResponse<T>> {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  const csrf = method === 'GET' || method === 'HEAD' ? null : csrfToken();
  try {
    res = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}), ...init.headers },
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'Le serveur ne répond pas : vérifiez votre connexion puis réessayez.');
  }
  if (!res.ok) throw await failure(res);
  const data = (res.status === 204 ? null : await res.json()) as T;
  return { data, etag: res.headers.get('etag') };
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await requestJson<T>(url, { signal })).data;
}

/** Query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
