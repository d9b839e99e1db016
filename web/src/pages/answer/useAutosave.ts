import { useEffect, useRef, useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: ApiError };

const DELAY_MS = 1200;

export function putAnswer(token: string, body: unknown) {
  return requestJson<{ enregistreLe: string; soumisLe: string | null }>(
    `/api/reponses/${encodeURIComponent(token)}`,
    { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
}

/**
 * Saves the draft a moment after the person stops typing, so that nothing is lost when the page is
 * closed; a later change cancels a save not yet sent. `body` null: nothing to save (not changed yet).
 */
export function useAutosave(token: string, body: unknown | null, enabled: boolean) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const serial = useRef(0);
  const json = body === null ? null : JSON.stringify(body);
  useEffect(() => {
    if (!enabled || json === null) return;
    const mine = ++serial.current;
    const timer = setTimeout(() => {
      setState({ kind: 'saving' });
      putAnswer(token, JSON.parse(json)).then(
        (res) => mine === serial.current && setState({ kind: 'saved', at: res.data.enregistreLe }),
        (e: unknown) =>
          mine === serial.current &&
          setState({ kind: 'error', error: e instanceof ApiError ? e : new ApiError(0, String(e)) }),
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [token, json, enabled]);
  return state;
}
