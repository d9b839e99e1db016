import { useCallback, useState } from 'react';
import { ApiError, requestJson } from './client.ts';

/** What every versioned record of the API carries (dynamics, sélections, notices, glossary entries). */
interface Versioned {
  id: string;
  version: number;
  modifieLe: string;
}

/** The version saved by someone else after the record was opened here, as the form edits it. */
export interface SaveConflict<D> {
  current: D;
  etag: string | null;
  version: number;
  modifiedAt: string;
}

export type SaveOutcome<R> = { saved: R; error: null } | { saved: null; error: ApiError | null };

interface Options<R, D> {
  /** Address of the record being edited; null for a creation (POST to `createUrl`). */
  recordUrl: string | null;
  createUrl: string;
  /** ETag of the version the form started from, sent as If-Match. */
  etag: string | null;
  /** The saved version as the form edits it, for the conflict screen. */
  toDraft: (record: R) => D;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));

/**
 * Saving a versioned record: POST for a creation, PUT with If-Match for an edit. On a 412 (saved
 * elsewhere since it was opened), the current version is read again and becomes `conflict`, for the
 * page to show its conflict screen; nothing is ever overwritten. Other errors are returned to the page,
 * which shows them by field.
 */
export function useVersionedSave<R extends Versioned, D>({
  recordUrl,
  createUrl,
  etag,
  toDraft,
}: Options<R, D>) {
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict<D> | null>(null);

  const save = useCallback(
    async (input: unknown): Promise<SaveOutcome<R>> => {
      setSaving(true);
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (recordUrl && etag) headers['if-match'] = etag;
        const { data } = await requestJson<R>(recordUrl ?? createUrl, {
          method: recordUrl ? 'PUT' : 'POST',
          headers,
          body: JSON.stringify(input),
        });
        return { saved: data, error: null };
      } catch (e) {
        const error = asApiError(e);
        if (error.status !== 412 || !recordUrl) return { saved: null, error };
        try {
          const now = await requestJson<R>(recordUrl);
          setConflict({
            current: toDraft(now.data),
            etag: now.etag,
            version: now.data.version,
            modifiedAt: now.data.modifieLe,
          });
          return { saved: null, error: null };
        } catch (again) {
          return { saved: null, error: asApiError(again) };
        }
      } finally {
        setSaving(false);
      }
    },
    [recordUrl, createUrl, etag, toDraft],
  );

  const dismissConflict = useCallback(() => setConflict(null), []);
  return { save, saving, conflict, dismissConflict };
}
