import { useEffect, useState } from 'react';
import type { GlossaryItem, List } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Empty, ErrorMessage, Loading } from '../components/StateViews.tsx';
import { useTitle } from '../lib/useTitle.ts';
import { Input } from '../ui/index.ts';

/** The glossary of the field: every entry has an anchor (/glossaire#CLS) that texts link to. */
export default function GlossaryPage() {
  useTitle('Glossaire');
  const [q, setQ] = useState('');
  const url = q.trim() ? `/api/glossaire?q=${encodeURIComponent(q.trim())}` : '/api/glossaire';
  const state = useApi<List<GlossaryItem>>(url);

  // Opened at /glossaire#CLS: bring the entry into view once the list is there.
  useEffect(() => {
    if (state.status !== 'ok' || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [state.status]);

  return (
    <div className="u-my-4">
      <h1>Glossaire</h1>
      <p className="u-lead">Sigles et termes des dynamiques territoriales de santé.</p>
      <Input
        label="Chercher un sigle ou un terme"
        hintText="Sans tenir compte des accents ni des majuscules, par exemple « cls » ou « santé mentale »"
        nativeInputProps={{ type: 'search', value: q, onChange: (e) => setQ(e.target.value) }}
      />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <Empty>Aucune entrée ne correspond à cette recherche.</Empty>
        ) : (
          <dl>
            {state.data.items.map((t) => (
              <div key={t.cle} id={t.cle} className="u-mb-3">
                <dt className="u-bold">{t.sigle ? `${t.sigle} — ${t.forme}` : t.forme}</dt>
                <dd>
                  <p className="u-mb-1">{t.definition}</p>
                  {t.termesLies.length > 0 && (
                    <p className="u-text-sm u-mb-1">
                      Voir aussi :{' '}
                      {t.termesLies.map((cle, i) => (
                        <span key={cle}>
                          {i > 0 && ', '}
                          <a href={`#${encodeURIComponent(cle)}`}>{cle}</a>
                        </span>
                      ))}
                    </p>
                  )}
                  {t.sources.length > 0 && (
                    <ul className="u-text-sm">
                      {t.sources.map((s) => (
                        <li key={`${s.titre}|${s.url}|${s.notice}`}>
                          {s.url ? <a href={s.url}>{s.titre ?? s.url}</a> : (s.titre ?? `notice ${s.notice}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        ))}
    </div>
  );
}
