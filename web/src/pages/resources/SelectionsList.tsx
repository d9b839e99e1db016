import { formatPartialDate } from '@domain/resources/selection-document.ts';
import type { List, SelectionSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { Link } from '../../router/Link.tsx';
import { ButtonLink } from '../../ui/index.ts';

/** The centre's sélections bibliographiques, most recently modified first, and the way to compose one. */
export function SelectionsList() {
  const state = useApi<List<SelectionSummary>>('/api/selections?limit=100');
  return (
    <section aria-labelledby="selections-titre" className="u-mt-4">
      <h2 id="selections-titre" className="u-h4">
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
                  <span className="u-text-sm odts-muted">
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
      <ButtonLink priority="secondary" iconId="add-line" className="u-mt-2" href="/selections/nouvelle">
        Composer une sélection
      </ButtonLink>
    </section>
  );
}
