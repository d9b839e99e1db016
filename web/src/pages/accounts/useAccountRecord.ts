import { useCallback, useEffect, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { type Account, asApiError } from './accountApi.ts';

export type RecordState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; account: Account; etag: string | null };

/** One account with the ETag of the version read, which the next save sends as If-Match. */
export function useAccountRecord(id: string) {
  const [state, setState] = useState<RecordState>({ status: 'loading' });
  const url = `/api/utilisateurs/${encodeURIComponent(id)}`;
  const load = useCallback(async () => {
    try {
      const { data, etag } = await requestJson<Account>(url);
      setState({ status: 'ok', account: data, etag });
      return { account: data, etag };
    } catch (e) {
      setState({ status: 'error', error: asApiError(e) });
      return null;
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  return { state, setState, load, url };
}
