import type { TerritoryType } from '@domain/territories/types.ts';
import { useEffect, useState } from 'react';
import { getJson } from '../api/client.ts';

/** The name of a territory given by its code (for filters read from the address), or null. */
export function useTerritoryName(type: TerritoryType, code: string): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    if (!code) return;
    const controller = new AbortController();
    getJson<{ nom: string }>(`/api/territoires/${type}/${encodeURIComponent(code)}`, controller.signal).then(
      (t) => setName(t.nom),
      () => setName(null),
    );
    return () => controller.abort();
  }, [type, code]);
  return name;
}
