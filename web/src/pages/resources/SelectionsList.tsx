import { formatPartialDate } from '@domain/resources/selection-document.ts';
import type { List, SelectionSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { Link } from '../../router/Link.tsx';

/** The centre's sélections bibliographiques, most recently modified first, and the way to compose one. */
export function SelectionsList() {
  const state = useApi<List<SelectionSummary>>('/api/selections?limit=100');
  return (
    <section aria-labelledby="selections-titre" className="fr-mt-4w">
      <h2 id="selections-titre" className="fr-h4">
        Sélections bibliographiques
      </h2>
      <Async state={state} label="Chargement des sélections…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Aucune sélection pour le moment.</Empty>
          ) : (
            <ul className="odts-hits">
              {data.items.map((s) => (
                <li key={s.id} className="odts-hit">
                  <Link href={`/selections/${encodeURIComponent(s.id)}`}>{s.titre}</Link>
                  <span className="fr-text--sm odts-muted">
                    {' '}
                    — {s.nombreNotices} notice{s.nombreNotices > 1 ? 's' : ''}
                    {s.date ? `, ${formatPartialDate(s.date)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <a
        className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left fr-mt-2w"
        href="/selections/nouvelle"
      >
        Composer une sélection
      </a>
    </section>
  );
}
