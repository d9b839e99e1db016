import type { duplicateCheckResult } from '@domain/resources/responses.ts';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../../api/client.ts';
import { Link } from '../../../router/Link.tsx';
import { Alert } from '../../../ui/index.ts';

type Check = z.infer<typeof duplicateCheckResult>;

/**
 * Before a notice is created: stored notices with the same DOI, address or title and year, and those with
 * a close title, so that the documentalist completes one rather than entering it twice.
 */
export function DuplicateHint({
  titre,
  date,
  doi,
  url,
}: {
  titre: string;
  date: string;
  doi: string;
  url: string;
}) {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    if (titre.trim().length < 8) {
      setCheck(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const body = { titre, date: date || null, doi: doi || null, url: url || null };
      requestJson<Check>('/api/ressources/doublons', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      }).then(
        (res) => setCheck(res.data),
        () => setCheck(null),
      );
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [titre, date, doi, url]);
  const found = [
    ...(check?.doublons ?? []).map((d) => ({ id: d.id, titre: d.titre, why: d.libelle })),
    ...(check?.similaires ?? []).map((s) => ({
      id: s.id,
      titre: s.titre,
      why: `titre proche${s.annee ? `, ${s.annee}` : ''}`,
    })),
  ];
  return (
    <div aria-live="polite">
      {found.length > 0 && (
        <Alert
          severity="warning"
          title="Cette notice existe peut-être déjà"
          description={
            <ul>
              {found.map((f) => (
                <li key={f.id}>
                  <Link href={`/ressources/${encodeURIComponent(f.id)}`}>{f.titre}</Link> ({f.why})
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
