import './campaigns.css';
import {
  ANSWER_DECISION_LABELS,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  type ProposalState,
} from '@domain/campaigns/vocabulary.ts';
import { DYNAMIC_KIND_LABELS, type DynamicKind } from '@domain/registry/kinds.ts';
import { useMemo } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { count, formatDateTime } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate, useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import type { PageProps } from '../../routes.ts';
import { Breadcrumb, Pagination, Select, Table } from '../../ui/index.ts';
import { RefusalOrError } from '../accounts/Refusal.tsx';
import { type Campaign, campaignPaths, type Progress, type ProposalPage } from './campaignApi.ts';

const PER_PAGE = 25;

interface Filters {
  etat: string;
  type: string;
  departement: string;
  page: number;
}

function readFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const page = Number(q.get('page') ?? '1');
  return {
    etat: q.get('etat') ?? 'a_examiner',
    type: q.get('type') ?? '',
    departement: q.get('departement') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The address keeps the filters; « à examiner » is the default, so an empty `etat=` means every state. */
function listSearch(f: Filters): string {
  const q = new URLSearchParams({ etat: f.etat });
  if (f.type) q.set('type', f.type);
  if (f.departement) q.set('departement', f.departement);
  if (f.page > 1) q.set('page', String(f.page));
  return `?${q}`;
}

function FilterBar({
  f,
  campaign,
  progress,
  go,
}: {
  f: Filters;
  campaign: Campaign;
  progress: Progress | null;
  go: (f: Filters) => void;
}) {
  return (
    <form
      aria-label="Filtrer les réponses"
      className="odts-filters u-grid u-grid--gutters"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="u-col-12 u-col-md-4">
        <Select
          label="État"
          nativeSelectProps={{ value: f.etat, onChange: (e) => go({ ...f, etat: e.target.value, page: 1 }) }}
        >
          <option value="">Tous les états</option>
          {PROPOSAL_STATES.map((s) => (
            <option key={s} value={s}>
              {PROPOSAL_STATE_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="u-col-12 u-col-md-4">
        <Select
          label="Type"
          nativeSelectProps={{ value: f.type, onChange: (e) => go({ ...f, type: e.target.value, page: 1 }) }}
        >
          <option value="">Tous les types</option>
          {campaign.types.map((t) => (
            <option key={t} value={t}>
              {DYNAMIC_KIND_LABELS[t]}
            </option>
          ))}
        </Select>
      </div>
      <div className="u-col-12 u-col-md-4">
        <Select
          label="Département"
          nativeSelectProps={{
            value: f.departement,
            onChange: (e) => go({ ...f, departement: e.target.value, page: 1 }),
          }}
        >
          <option value="">Tous les départements</option>
          {(progress?.parDepartement ?? []).map((d) => (
            <option key={d.departement} value={d.departement}>
              {d.nom} ({d.departement})
            </option>
          ))}
        </Select>
      </div>
    </form>
  );
}

function Results({ id, data, f }: { id: string; data: ProposalPage; f: Filters }) {
  const pages = Math.max(1, Math.ceil(data.total / PER_PAGE));
  if (data.total === 0)
    return (
      <Empty>
        {f.etat === 'a_examiner'
          ? 'Aucune réponse à examiner pour l’instant.'
          : 'Aucune réponse ne correspond à ces filtres.'}
      </Empty>
    );
  return (
    <>
      <Table>
        <caption>
          {count(data.total, 'réponse', 'réponses')}
          {pages > 1 && ` — page ${f.page} sur ${pages}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Dynamique</th>
            <th scope="col">Réponse</th>
            <th scope="col">Destinataire</th>
            <th scope="col">Reçue le</th>
            <th scope="col" className="odts-num">
              Champs modifiés
            </th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {data.resultats.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link href={campaignPaths.review(id, p.id)}>{p.dynamique.nom}</Link>{' '}
                <span className="odts-muted">
                  ({DYNAMIC_KIND_LABELS[p.dynamique.type as DynamicKind] ?? p.dynamique.type}
                  {p.departements.length > 0 && ` · ${p.departements.join(', ')}`})
                </span>
              </th>
              <td>{ANSWER_DECISION_LABELS[p.decision]}</td>
              <td>
                {p.destinataire.nom
                  ? `${p.destinataire.nom} — ${p.destinataire.email}`
                  : p.destinataire.email}
              </td>
              <td>{formatDateTime(p.soumisLe)}</td>
              <td className="odts-num">{p.changements}</td>
              <td>{PROPOSAL_STATE_LABELS[p.etat as ProposalState]}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {pages > 1 && (
        <Pagination
          count={pages}
          defaultPage={f.page}
          getPageLinkProps={(page) => ({ href: `${campaignPaths.reviews(id)}${listSearch({ ...f, page })}` })}
        />
      )}
    </>
  );
}

/** `/campagnes/{id}/reponses`: the answers to review, one line per dynamic answered or declared. */
export default function ReviewListPage({ params }: PageProps) {
  const id = params[0] as string;
  const { search } = useLocation();
  const f = useMemo(() => readFilters(search), [search]);
  const campaign = useApi<Campaign>(campaignPaths.api(id));
  const progress = useApi<Progress>(`${campaignPaths.api(id)}/suivi`);
  const list = useApi<ProposalPage>(
    `${campaignPaths.api(id)}/reponses${query({ etat: f.etat, type: f.type, departement: f.departement, page: f.page, parPage: PER_PAGE })}`,
  );
  const name = campaign.data?.nom ?? 'Campagne';
  useTitle(`Réponses — ${name}`);
  const go = (next: Filters) =>
    navigate(`${campaignPaths.reviews(id)}${listSearch(next)}`, { replace: true });
  return (
    <>
      <Breadcrumb
        currentPageLabel="Réponses"
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Campagnes de mise à jour', linkProps: { href: '/campagnes' } },
          { label: name, linkProps: { href: campaignPaths.page(id) } },
        ]}
      />
      <h1 className="odts-long-words">Réponses : {name}</h1>
      <p>
        Chaque réponse est une proposition : comparez-la au registre champ par champ, puis fusionnez les
        champs retenus ou rejetez-la.
      </p>
      {campaign.status === 'error' ? (
        <RefusalOrError error={campaign.error} onRetry={campaign.reload} />
      ) : (
        <>
          {campaign.data && <FilterBar f={f} campaign={campaign.data} progress={progress.data} go={go} />}
          <Async state={list} label="Chargement des réponses…">
            {(data) => <Results id={id} data={data} f={f} />}
          </Async>
        </>
      )}
    </>
  );
}
