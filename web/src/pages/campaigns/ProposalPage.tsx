import './campaigns.css';
import {
  ANSWER_DECISION_LABELS,
  type CampaignField,
  PROPOSAL_STATE_LABELS,
} from '@domain/campaigns/vocabulary.ts';
import { useEffect, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../components/StateViews.tsx';
import { formatDateLong, formatDateTime } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb, Button, ButtonGroup } from '../../ui/index.ts';
import { asApiError } from '../accounts/accountApi.ts';
import { RefusalOrError } from '../accounts/Refusal.tsx';
import { AnswerContext } from './AnswerContext.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { type Campaign, campaignPaths, jsonBody, type ProposalDetail } from './campaignApi.ts';

type Outcome =
  | { kind: 'done'; detail: ProposalDetail }
  | { kind: 'conflict' | 'error'; error: ApiError }
  | null;

function Decided({ detail, id }: { detail: ProposalDetail; id: string }) {
  const dyn = detail.dynamique.id;
  return (
    <output className="odts-block u-my-2">
      <Alert
        severity={detail.etat === 'fusionnee' ? 'success' : 'info'}
        title={`Réponse ${PROPOSAL_STATE_LABELS[detail.etat]}${detail.examineLe ? ` le ${formatDateTime(detail.examineLe)}` : ''}`}
        description={
          <>
            {detail.examinePar && <p>Par {detail.examinePar}.</p>}
            {detail.etat === 'fusionnee' && detail.acceptes.length > 0 && (
              <p>
                Champs fusionnés :{' '}
                {detail.champs
                  .filter((c) => detail.acceptes.includes(c.champ))
                  .map((c) => c.libelle)
                  .join(', ')}
                .
              </p>
            )}
            <p>
              {dyn && detail.etat === 'fusionnee' && (
                <>
                  <Link href={`/dynamiques/${encodeURIComponent(dyn)}`}>Voir la fiche de la dynamique</Link>
                  {' · '}
                </>
              )}
              <Link href={campaignPaths.reviews(id)}>Retour aux réponses à examiner</Link>
            </p>
          </>
        }
      />
    </output>
  );
}

function Review({
  id,
  initial,
  labels,
  onReload,
}: {
  id: string;
  initial: ProposalDetail;
  labels: Record<string, string>;
  onReload: () => void;
}) {
  const [detail, setDetail] = useState(initial);
  const [checked, setChecked] = useState(
    () => new Set(initial.champs.filter((c) => c.modifie).map((c) => c.champ)),
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    setDetail(initial);
    setChecked(new Set(initial.champs.filter((c) => c.modifie).map((c) => c.champ)));
  }, [initial]);
  const decided = detail.etat !== 'a_examiner';
  const isNew = detail.nature === 'nouvelle';

  const decide = async (decision: 'fusionner' | 'rejeter') => {
    setBusy(true);
    setOutcome(null);
    try {
      const body = { decision, acceptes: isNew ? [] : [...checked], versionRegistre: detail.versionRegistre };
      const { data } = await requestJson<ProposalDetail>(
        `${campaignPaths.apiProposal(id, detail.id)}/decision`,
        jsonBody(body),
      );
      setDetail(data);
      setOutcome({ kind: 'done', detail: data });
    } catch (e) {
      const error = asApiError(e);
      setOutcome({ kind: error.status === 409 ? 'conflict' : 'error', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AnswerContext detail={detail} labels={labels} />
      {detail.registreModifie && !decided && (
        <div className="u-my-2">
          <Alert
            severity="warning"
            title="Le registre a changé depuis l’ouverture du formulaire"
            description="Quelqu’un a modifié cette fiche après que le destinataire a ouvert son formulaire. Les champs concernés sont signalés : vérifiez de ne pas défaire une modification plus récente."
          />
        </div>
      )}
      <ComparisonTable
        detail={detail}
        checked={checked}
        decided={decided}
        onToggle={(field: CampaignField, on) => {
          const next = new Set(checked);
          if (on) next.add(field);
          else next.delete(field);
          setChecked(next);
        }}
      />
      {outcome?.kind === 'conflict' && (
        <div role="alert" className="u-my-2">
          <Alert
            severity="error"
            title="Conflit : la fiche a changé"
            description={
              <>
                <p>{outcome.error.message}</p>
                <p>
                  Rien n’a été fusionné. Rechargez la comparaison pour voir la fiche telle qu’elle est
                  enregistrée.
                </p>
                <Button priority="secondary" size="small" onClick={onReload}>
                  Recharger la comparaison
                </Button>
              </>
            }
          />
        </div>
      )}
      {outcome?.kind === 'error' && <RefusalOrError error={outcome.error} />}
      {decided ? (
        <Decided detail={detail} id={id} />
      ) : (
        <ButtonGroup className="u-mt-3">
          <li>
            <Button
              disabled={busy || (!isNew && checked.size === 0)}
              onClick={() => void decide('fusionner')}
            >
              {isNew ? 'Créer la dynamique dans le registre' : 'Fusionner les champs cochés'}
            </Button>
          </li>
          <li>
            <Button priority="secondary" disabled={busy} onClick={() => void decide('rejeter')}>
              Rejeter
            </Button>
          </li>
        </ButtonGroup>
      )}
      {busy && <Loading label="Enregistrement de la décision…" />}
    </>
  );
}

/** `/campagnes/{id}/reponses/{proposition}`: one answer against the registry, merged field by field or rejected. */
export default function ProposalPage({ params }: PageProps) {
  const id = params[0] as string;
  const proposalId = params[1] as string;
  const campaign = useApi<Campaign>(campaignPaths.api(id));
  const detail = useApi<ProposalDetail>(campaignPaths.apiProposal(id, proposalId));
  const name = detail.data?.dynamique.nom ?? 'Réponse';
  useTitle(`Réponse : ${name}`);
  return (
    <>
      <Breadcrumb
        currentPageLabel={name}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Campagnes de mise à jour', linkProps: { href: '/campagnes' } },
          { label: campaign.data?.nom ?? 'Campagne', linkProps: { href: campaignPaths.page(id) } },
          { label: 'Réponses', linkProps: { href: campaignPaths.reviews(id) } },
        ]}
      />
      <h1 className="odts-long-words">Réponse : {name}</h1>
      {detail.status === 'loading' && <Loading label="Comparaison avec le registre…" />}
      {detail.status === 'error' && <RefusalOrError error={detail.error} onRetry={detail.reload} />}
      {detail.status === 'ok' && (
        <>
          <p>
            {ANSWER_DECISION_LABELS[detail.data.decision]} par{' '}
            {detail.data.destinataire.nom ?? detail.data.destinataire.email}
            {detail.data.destinataire.nom && ` (${detail.data.destinataire.email})`}, le{' '}
            {formatDateLong(detail.data.soumisLe)}.
          </p>
          <Review
            id={id}
            initial={detail.data}
            labels={Object.fromEntries((campaign.data?.questions ?? []).map((q) => [q.id, q.libelle]))}
            onReload={detail.reload}
          />
        </>
      )}
    </>
  );
}
