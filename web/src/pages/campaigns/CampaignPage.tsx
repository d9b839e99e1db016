import './campaigns.css';
import { useCallback, useMemo, useState } from 'react';
import { Loading } from '../../components/StateViews.tsx';
import { count, formatDateLong, formatDateTime } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Badge, Breadcrumb, ButtonGroup, ButtonLink } from '../../ui/index.ts';
import { RefusalOrError } from '../accounts/Refusal.tsx';
import { CampaignScope } from './CampaignScope.tsx';
import { type Campaign, campaignPaths, type Progress } from './campaignApi.ts';
import { CAMPAIGN_STATE_LABELS, CAMPAIGN_STATE_SEVERITY } from './labels.ts';
import { ProgressPanel } from './ProgressPanel.tsx';
import { RecipientsPanel, readRecipientFilter } from './RecipientsPanel.tsx';
import { SendPanel } from './SendPanel.tsx';
import { UncoveredPanel } from './UncoveredPanel.tsx';
import { useKeptApi } from './useKeptApi.ts';

function Exports({ id }: { id: string }) {
  const url = (format: string) => `${campaignPaths.api(id)}/export?format=${format}`;
  return (
    <section aria-labelledby="titre-exports" className="u-mt-4">
      <h2 id="titre-exports" className="u-h5">
        Exporter les réponses
      </h2>
      <ButtonGroup>
        <li>
          <ButtonLink priority="secondary" iconId="download-line" href={url('csv')} download>
            CSV
          </ButtonLink>
        </li>
        <li>
          <ButtonLink priority="secondary" iconId="download-line" href={url('xlsx')} download>
            XLSX
          </ButtonLink>
        </li>
      </ButtonGroup>
    </section>
  );
}

function Dashboard({
  campaign,
  progress,
  reload,
  tick,
}: {
  campaign: Campaign;
  progress: Progress;
  reload: () => void;
  tick: number;
}) {
  const { search } = useLocation();
  const filter = useMemo(() => readRecipientFilter(search), [search]);
  const created = new URLSearchParams(search).has('cree');
  const toReview = progress.propositions.a_examiner;
  return (
    <>
      {created && (
        <output className="odts-block u-mb-2">
          <Alert
            severity="success"
            small
            description={`Campagne créée le ${formatDateTime(campaign.creeLe)} avec ${count(campaign.destinataires, 'destinataire')}. Les invitations ne partent qu’après confirmation.`}
          />
        </output>
      )}
      <p>
        <Badge small noIcon severity={CAMPAIGN_STATE_SEVERITY[campaign.etat]}>
          {CAMPAIGN_STATE_LABELS[campaign.etat]}
        </Badge>{' '}
        <CampaignScope region={campaign.region} departements={campaign.departements} /> · du{' '}
        {formatDateLong(campaign.ouverture)} au {formatDateLong(campaign.cloture)} ·{' '}
        {campaign.types.join(', ')}
      </p>
      <p>
        <ButtonLink
          href={campaignPaths.reviews(campaign.id)}
          priority={toReview > 0 ? 'primary' : 'secondary'}
        >
          {toReview > 0 ? `Examiner les réponses (${toReview} à examiner)` : 'Voir les réponses'}
        </ButtonLink>
      </p>
      <SendPanel campaign={campaign} progress={progress} onSent={reload} />
      <ProgressPanel p={progress} campaign={campaign} />
      <UncoveredPanel campaign={campaign} onChanged={reload} />
      <RecipientsPanel id={campaign.id} filter={filter} tick={tick} />
      <Exports id={campaign.id} />
    </>
  );
}

/** `/campagnes/{id}`: a campaign's dashboard: send, remind, follow, add recipients, export. */
export default function CampaignPage({ params }: PageProps) {
  const id = params[0] as string;
  const campaign = useKeptApi<Campaign>(campaignPaths.api(id));
  const progress = useKeptApi<Progress>(`${campaignPaths.api(id)}/suivi`);
  const [tick, setTick] = useState(0);
  const { reload: reloadCampaign } = campaign;
  const { reload: reloadProgress } = progress;
  const reload = useCallback(() => {
    reloadCampaign();
    reloadProgress();
    setTick((t) => t + 1);
  }, [reloadCampaign, reloadProgress]);
  useTitle(campaign.data?.nom ?? 'Campagne');
  const title = campaign.data?.nom ?? 'Campagne';
  const error = campaign.error ?? progress.error;
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Campagnes de mise à jour', linkProps: { href: '/campagnes' } }]}
      />
      <h1 className="odts-long-words">{title}</h1>
      {error ? (
        <RefusalOrError error={error} onRetry={reload} />
      ) : campaign.data && progress.data ? (
        <Dashboard campaign={campaign.data} progress={progress.data} reload={reload} tick={tick} />
      ) : (
        <Loading label="Chargement de la campagne…" />
      )}
    </>
  );
}
