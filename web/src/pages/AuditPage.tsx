import type { auditPage } from '@domain/kernel/audit.ts';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { query } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { Empty, ErrorMessage, Loading } from '../components/StateViews.tsx';
import { count } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { Button, Input, Table } from '../ui/index.ts';

type AuditPageData = z.infer<typeof auditPage>;

const LIMIT = 50;
const ACTION_LABELS: Record<string, string> = {
  creation: 'création',
  modification: 'modification',
  suppression: 'suppression',
  annulation: 'annulation de lot',
  migration_commune: 'fusion de communes',
  restauration: 'restauration',
};

/** Where a record of the journal can be read, when it has a page of its own. */
function recordLink(entite: string, id: string): string | null {
  if (entite === 'dynamique') return `/dynamiques/${encodeURIComponent(id)}`;
  if (entite === 'notice') return `/ressources/${encodeURIComponent(id)}`;
  if (entite === 'selection') return `/selections/${encodeURIComponent(id)}`;
  if (entite === 'glossaire') return `/glossaire#${encodeURIComponent(id)}`;
  return null;
}

interface Filters {
  auteur: string;
  entite: string;
  depuis: string;
  jusqua: string;
}
const EMPTY: Filters = { auteur: '', entite: '', depuis: '', jusqua: '' };

/** The audit journal: every change of every record, newest first, for the roles allowed to read it. */
export default function AuditPage() {
  useTitle('Journal des modifications');
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const state = useApi<AuditPageData>(`/api/audit${query({ ...filters, page, limit: LIMIT })}`);

  function submit(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setPage(1);
  }
  const field = (name: keyof Filters, label: string, type = 'text') => (
    <Input
      label={label}
      nativeInputProps={{
        type,
        value: draft[name],
        onChange: (e) => setDraft({ ...draft, [name]: e.target.value }),
      }}
    />
  );

  return (
    <div className="u-my-4">
      <h1>Journal des modifications</h1>
      <p>
        Chaque modification de chaque fiche : qui, quand, quoi, d’où (saisie, import, annulation, système).
      </p>
      <form onSubmit={submit} aria-label="Filtrer le journal" className="u-mb-4">
        {field('auteur', 'Auteur (adresse électronique ou jeton)')}
        {field('entite', 'Type de fiche (dynamique, notice, glossaire, selection)')}
        {field('depuis', 'Depuis le', 'date')}
        {field('jusqua', 'Jusqu’au', 'date')}
        <Button type="submit">Filtrer</Button>
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <Empty>Aucune modification ne correspond à ces filtres.</Empty>
        ) : (
          <>
            <p aria-live="polite">{count(state.data.total, 'modification')}</p>
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
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((e) => {
                  const href = recordLink(e.entite, e.entiteId);
                  return (
                    <tr key={e.id}>
                      <td>{new Date(e.date).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</td>
                      <td>{e.auteur}</td>
                      <td>
                        {e.entite} {href ? <a href={href}>{e.entiteId}</a> : e.entiteId}
                      </td>
                      <td>{ACTION_LABELS[e.action] ?? e.action}</td>
                      <td>{e.source}</td>
                      <td>{e.version ?? '—'}</td>
                    </tr>
                  );
                })}
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
