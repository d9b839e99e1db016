import './campaigns.css';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loading } from '../../components/StateViews.tsx';
import { count, formatDateShort } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import { Badge, ButtonLink, Table } from '../../ui/index.ts';
import { RefusalOrError } from '../accounts/Refusal.tsx';
import { CampaignScope } from './CampaignScope.tsx';
import { type CampaignList, campaignPaths } from './campaignApi.ts';
import { CAMPAIGN_STATE_LABELS, CAMPAIGN_STATE_SEVERITY } from './labels.ts';

function NewCampaignLink() {
  return (
    <p>
      <ButtonLink iconId="add-line" href="/campagnes/nouvelle">
        Nouvelle campagne
      </ButtonLink>
    </p>
  );
}

function CampaignTable({ data }: { data: CampaignList }) {
  return (
    <Table>
      <caption>{count(data.total, 'campagne', 'campagnes')}</caption>
      <thead>
        <tr>
          <th scope="col">Campagne</th>
          <th scope="col">Périmètre</th>
          <th scope="col">Ouverture</th>
          <th scope="col">Clôture</th>
          <th scope="col">État</th>
          <th scope="col" className="odts-num">
            Destinataires
          </th>
        </tr>
      </thead>
      <tbody>
        {data.resultats.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link href={campaignPaths.page(c.id)}>{c.nom}</Link>
            </th>
            <td>
              <CampaignScope region={c.region} departements={c.departements} />
            </td>
            <td>{formatDateShort(c.ouverture)}</td>
            <td>{formatDateShort(c.cloture)}</td>
            <td>
              <Badge small noIcon severity={CAMPAIGN_STATE_SEVERITY[c.etat]}>
                {CAMPAIGN_STATE_LABELS[c.etat]}
              </Badge>
            </td>
            <td className="odts-num">{c.destinataires.toLocaleString('fr-FR')}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** `/campagnes`: the census campaigns the signed-in team may run. */
export default function CampaignsPage() {
  useTitle('Campagnes de mise à jour');
  const list = useApi<CampaignList>('/api/campagnes');
  return (
    <div className="u-my-4">
      <h1>Campagnes de mise à jour</h1>
      <p>
        Chaque année, les équipes régionales invitent les contacts des dynamiques à vérifier leurs fiches :
        chacun reçoit un lien personnel, sans compte, vers un formulaire prérempli. Les réponses sont
        examinées champ par champ avant d’entrer dans le registre.
      </p>
      {list.status === 'loading' && <Loading label="Chargement des campagnes…" />}
      {list.status === 'error' && <RefusalOrError error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <>
          <NewCampaignLink />
          {list.data.total === 0 ? (
            <Empty>
              Aucune campagne pour l’instant. Créez la première : choisissez un modèle, un territoire, et les
              contacts du registre seront invités.
            </Empty>
          ) : (
            <CampaignTable data={list.data} />
          )}
        </>
      )}
    </div>
  );
}
