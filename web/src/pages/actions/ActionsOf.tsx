import type { ActionResults } from '@domain/actions/responses.ts';
import { useApi } from '../../api/useApi.ts';
import { Async } from '../../components/StateViews.tsx';
import { count } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { ActionLine } from './ActionsPage.tsx';

const SHOWN = 10;

/**
 * The actions of a territory (`territoire=type:code`) or of a dynamic (`dynamique=id`), for their pages:
 * the first ten, and a link to all of them on the actions page.
 */
export function ActionsOf({
  filter,
  headingLevel = 2,
}: {
  filter: { territoire: string } | { dynamique: string };
  headingLevel?: 2 | 3;
}) {
  const query = new URLSearchParams({ ...filter, limit: String(SHOWN), tri: 'debut' }).toString();
  const state = useApi<ActionResults>(`/api/actions?${query}`);
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="actions-liees" className="u-mt-4">
      <Heading id="actions-liees">Actions et expériences</Heading>
      <Async state={state} label="Chargement des actions…">
        {(data) =>
          data.total === 0 ? (
            <p>Aucune action capitalisée ici pour l’instant.</p>
          ) : (
            <>
              <ol className="odts-hits" aria-label="Actions et expériences">
                {data.items.map((a) => (
                  <ActionLine key={a.id} a={a} />
                ))}
              </ol>
              {data.total > SHOWN && (
                <p>
                  <Link href={`/actions?${new URLSearchParams(filter)}`}>
                    Voir les {count(data.total, 'action')}
                  </Link>
                </p>
              )}
            </>
          )
        }
      </Async>
    </section>
  );
}
