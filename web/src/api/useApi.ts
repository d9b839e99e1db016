import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from './client.ts';

const prefetched = new Map<string, Promise<unknown>>();

/** Starts loading `url` before the page that needs it has rendered; its `useApi(url)` takes the answer. */
export function prefetch(url: string) {
  if (prefetched.has(url)) return;
  const answer = getJson(url);
  answer.catch(() => {}); // read (and reported) by the page
  prefetched.set(url, answer);
}

export type ApiState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'error'; data: null; error: ApiError }
  | { status: 'ok'; data: T; error: null };

/** Loads `url` (nothing when null) and reloads when it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading', data: null, error: null });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (url === null) return;
    void tick;
    const controller = new AbortController();
    setState({ status: 'loading', data: null, error: null });
    const early = prefetched.get(url) as Promise<T> | undefined;
    prefetched.delete(url);
    (early ?? getJson<T>(url, controller.signal)).then(
      (data) => setState({ status: 'ok', data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted || (error as Error).name === 'AbortError') return;
        const e = error instanceof ApiError ? error : new ApiError(0, String(error));
        setState({ status: 'error', data: null, error: e });
      },
    );
    return () => controller.abort();
  }, [url, tick]);

  return { ...state, reload };
}
