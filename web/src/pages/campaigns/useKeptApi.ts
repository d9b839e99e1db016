import { useRef } from 'react';
import type { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

/**
 * `useApi`, keeping the last answer on screen while it reloads: a dashboard refreshed after an action
 * keeps the action's report and the reader's place instead of flashing a loading state.
 */
export function useKeptApi<T>(url: string): { data: T | null; error: ApiError | null; reload: () => void } {
  const state = useApi<T>(url);
  const kept = useRef<{ url: string; data: T } | null>(null);
  if (state.status === 'ok') kept.current = { url, data: state.data };
  const data = state.data ?? (kept.current?.url === url ? kept.current.data : null);
  return { data, error: state.error, reload: state.reload };
}
