import { NOTICE_TYPE_LABELS, type NoticeType } from '@domain/resources/vocabulary.ts';
import { useEffect, useState } from 'react';
import { ApiError, getJson, query } from '../../api/client.ts';
import type { NoticeHit, NoticeResults } from '../../api/types.ts';
import { Button, Input } from '../../ui/index.ts';
import { authorsLine } from '../resources/NoticeText.tsx';

const LIMIT = 8;

type Found =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; total: number; hits: NoticeHit[] }
  | { kind: 'failed'; message: string };

/**
 * Searches the notices (the resource centre's search, acronyms included) and adds the chosen one to a
 * section. Typing pauses a quarter of a second before asking, and stale answers are dropped.
 */
export function NoticePicker({
  id,
  listed,
  onPick,
}: {
  id: string;
  listed: Set<string>;
  onPick: (hit: NoticeHit) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'idle' });

  useEffect(() => {
    const words = q.trim();
    if (words.length < 2) {
      setFound({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setFound({ kind: 'loading' });
      getJson<NoticeResults>(`/api/ressources${query({ q: words, limit: LIMIT })}`, controller.signal).then(
        (r) => setFound({ kind: 'ok', total: r.total, hits: r.items }),
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setFound({ kind: 'failed', message: e instanceof ApiError ? e.message : String(e) });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return (
    <div className="odts-picker">
      <Input
        label="Rechercher une notice à ajouter"
        hintText="Mots du titre, auteur, sigle (CLS, CPTS…) ; deux lettres au moins"
        nativeInputProps={{ id, type: 'search', value: q, onChange: (e) => setQ(e.target.value) }}
      />
      <output className="u-text-sm odts-block" aria-live="polite">
        {found.kind === 'loading' && 'Recherche…'}
        {found.kind === 'failed' && found.message}
        {found.kind === 'ok' &&
          (found.total === 0
            ? 'Aucune notice ne correspond.'
            : found.total > LIMIT
              ? `${found.total} notices trouvées : les ${LIMIT} plus pertinentes ci-dessous.`
              : `${found.total} notice${found.total > 1 ? 's' : ''} trouvée${found.total > 1 ? 's' : ''}.`)}
      </output>
      {found.kind === 'ok' && found.hits.length > 0 && (
        <ul className="odts-picker__hits" aria-label="Notices trouvées">
          {found.hits.map((hit) => (
            <li key={hit.id}>
              <Button
                type="button"
                priority="tertiary"
                size="small"
                iconId="add-line"
                onClick={() => onPick(hit)}
                aria-label={`Ajouter « ${hit.titre} »`}
              >
                Ajouter
              </Button>
              <span>
                {hit.titre}
                <span className="u-text-xs odts-muted">
                  {' '}
                  — {NOTICE_TYPE_LABELS[hit.type as NoticeType] ?? hit.type}
                  {hit.auteurs.length > 0 ? `, ${authorsLine(hit.auteurs)}` : ''}
                  {hit.annee ? `, ${hit.annee}` : ''}
                  {listed.has(hit.id) ? ' · déjà dans la sélection' : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
