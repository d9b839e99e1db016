import {
  RECIPIENT_STATE_LABELS,
  RECIPIENT_STATES,
  type RecipientState,
} from '@domain/campaigns/vocabulary.ts';
import { useEffect } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { count, formatDateTime } from '../../lib/format.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { Pagination, Select, Table } from '../../ui/index.ts';
import { campaignPaths, type Recipient, type RecipientPage } from './campaignApi.ts';
import { RecipientMessage } from './RecipientMessage.tsx';

export const RECIPIENTS_PER_PAGE = 25;

export interface RecipientFilter {
  etat: RecipientState | '';
  page: number;
}

export function readRecipientFilter(search: string): RecipientFilter {
  const q = new URLSearchParams(search);
  const etat = q.get('etat') ?? '';
  const page = Number(q.get('page') ?? '1');
  return {
    etat: (RECIPIENT_STATES as readonly string[]).includes(etat) ? (etat as RecipientState) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function lastStep(r: Recipient): string {
  const at = r.soumisLe ?? r.ouvertLe ?? r.envoyeLe;
  return at ? formatDateTime(at) : '—';
}

/** The recipients of a campaign, filtered by where they stand, a page at a time (the address keeps both). */
export function RecipientsPanel({ id, filter, tick }: { id: string; filter: RecipientFilter; tick: number }) {
  const url = `${campaignPaths.api(id)}/destinataires${query({ etat: filter.etat, page: filter.page, parPage: RECIPIENTS_PER_PAGE })}`;
  const list = useApi<RecipientPage>(url);
  const { reload } = list;
  // Sending or adding someone changes the states shown: read the page again.
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  const pageUrl = (f: RecipientFilter) =>
    `${campaignPaths.page(id)}${query({ etat: f.etat, page: f.page > 1 ? f.page : undefined })}`;
  return (
    <section aria-labelledby="titre-destinataires" className="u-mt-4">
      <h2 id="titre-destinataires">Destinataires</h2>
      <Select
        label="Afficher"
        nativeSelectProps={{
          value: filter.etat,
          onChange: (e) =>
            navigate(pageUrl({ etat: e.target.value as RecipientState | '', page: 1 }), { replace: true }),
        }}
      >
        <option value="">Tous les destinataires</option>
        {RECIPIENT_STATES.map((s) => (
          <option key={s} value={s}>
            {RECIPIENT_STATE_LABELS[s]}
          </option>
        ))}
      </Select>
      <Async state={list} label="Chargement des destinataires…">
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / RECIPIENTS_PER_PAGE));
          if (data.total === 0)
            return <Empty>{filter.etat ? 'Aucun destinataire dans cet état.' : 'Aucun destinataire.'}</Empty>;
          return (
            <>
              <Table>
                <caption>
                  {count(data.total, 'destinataire', 'destinataires')}
                  {pages > 1 && ` — page ${filter.page} sur ${pages}`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Dynamiques</th>
                    <th scope="col">État</th>
                    <th scope="col">Dernière étape</th>
                    <th scope="col" className="odts-num">
                      Relances
                    </th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {data.resultats.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        {r.nom ? `${r.nom} — ` : ''}
                        {r.email}
                        {r.origine === 'manuel' && <span className="odts-muted"> (ajouté à la main)</span>}
                      </th>
                      <td>
                        {r.dynamiques.map((d, i) => (
                          <span key={d.id}>
                            {i > 0 && ', '}
                            <Link href={`/dynamiques/${encodeURIComponent(d.id)}`}>{d.nom}</Link>
                          </span>
                        ))}
                      </td>
                      <td>{RECIPIENT_STATE_LABELS[r.etat]}</td>
                      <td>{lastStep(r)}</td>
                      <td className="odts-num">{r.relances}</td>
                      <td>
                        {r.envoyeLe ? (
                          <RecipientMessage campaign={id} recipient={r.id} email={r.email} />
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {pages > 1 && (
                <Pagination
                  count={pages}
                  defaultPage={filter.page}
                  getPageLinkProps={(page) => ({ href: pageUrl({ ...filter, page }) })}
                />
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
