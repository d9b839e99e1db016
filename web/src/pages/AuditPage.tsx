import type { auditPage } from '@domain/kernel/audit.ts';
import { useState } from 'react';
import type { z } from 'zod';
import { query } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { Empty, Loading } from '../components/StateViews.tsx';
import { count } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { navigate } from '../router/history.ts';
import { Button, Table } from '../ui/index.ts';
import type { Me } from './accounts/accountApi.ts';
import { RefusalOrError } from './accounts/Refusal.tsx';
import { AuditEntryRows } from './audit/AuditEntryRows.tsx';
import { AuditFilters, type AuditFilterValues, filtersFromSearch } from './audit/AuditFilters.tsx';

type AuditPageData = z.infer<typeof auditPage>;

const LIMIT = 50;

/** The audit journal: every change of every record, newest first, for the roles allowed to read it. */
export default function AuditPage() {
  useTitle('Journal des modifications');
  const [filters, setFilters] = useState<AuditFilterValues>(() => filtersFromSearch(window.location.search));
  const [page, setPage] = useState(1);
  const state = useApi<AuditPageData>(`/api/audit${query({ ...filters, page, limit: LIMIT })}`);
  const me = useApi<Me>('/api/moi');
  const permissions = me.data?.permissions ?? [];
  // A restoration adds a line to the journal; the list is refreshed on request, so that the
  // confirmation stays in view where the person acted.
  const [stale, setStale] = useState(false);

  function apply(next: AuditFilterValues) {
    setFilters(next);
    setPage(1);
    navigate(`/journal${query({ ...next })}`, { replace: true });
  }

  const refused = state.status === 'error' && (state.error.status === 401 || state.error.status === 403);
  return (
    <div className="u-my-4">
      <h1>Journal des modifications</h1>
      <p>
        Chaque modification de chaque fiche : qui, quand, quoi, d’où (saisie, import, annulation, système). Le
        détail d’une ligne montre les champs avant et après ; une version peut y être restaurée quand votre
        rôle permet de modifier la fiche.
      </p>
      {refused ? (
        <RefusalOrError error={state.error} />
      ) : (
        <AuditFilters
          initial={filters}
          onApply={apply}
          fieldErrors={state.status === 'error' ? state.error.champs : {}}
        />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && !refused && <RefusalOrError error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <Empty>Aucune modification ne correspond à ces filtres.</Empty>
        ) : (
          <>
            <p aria-live="polite">{count(state.data.total, 'modification')}</p>
            {stale && (
              <Button
                priority="secondary"
                size="small"
                onClick={() => {
                  setStale(false);
                  state.reload();
                }}
              >
                Actualiser le journal
              </Button>
            )}
            <Table bordered={false}>
              <caption>Modifications, les plus récentes d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Fiche</th>
                  <th scope="col">Action</th>
                  <th scope="col">Source</th>
                  <th scope="col">Version</th>
                  <th scope="col">Avant et après</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((e) => (
                  <AuditEntryRows
                    key={e.id}
                    entry={e}
                    permissions={permissions}
                    onRestored={() => setStale(true)}
                  />
                ))}
              </tbody>
            </Table>
            <nav aria-label="Pages du journal" className="u-mt-2">
              <Button priority="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Page précédente
              </Button>{' '}
              <Button
                priority="secondary"
                disabled={page * LIMIT >= state.data.total}
                onClick={() => setPage(page + 1)}
              >
                Page suivante
              </Button>
            </nav>
          </>
        ))}
    </div>
  );
}
