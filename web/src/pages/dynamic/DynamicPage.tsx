import { DYNAMIC_KIND_LABELS } from '@domain/registry/kinds.ts';
import type { Dynamic } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { Async, PageError } from '../../components/StateViews.tsx';
import { formatDateLong } from '../../lib/format.ts';
import { CARRIER_LABELS } from '../../lib/labels.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Badge, Breadcrumb, ButtonLink, Tag } from '../../ui/index.ts';
import type { Me } from '../accounts/accountApi.ts';
import { ActionsOf } from '../actions/ActionsOf.tsx';
import { CycleSection } from './cycle/CycleSection.tsx';
import { SelfAssessmentSection } from './cycle/SelfAssessmentSection.tsx';
import { History } from './History.tsx';
import { LinksSection } from './LinksSection.tsx';
import { Perimeter } from './Perimeter.tsx';
import { Coordination, Sources, Timeline } from './Sections.tsx';

function Identity({ d }: { d: Dynamic }) {
  const f = d.fraicheur;
  return (
    <>
      <Breadcrumb
        currentPageLabel={d.nom}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Registre', linkProps: { href: '/registre' } }]}
      />
      <p className="u-mb-1">
        <Tag small href={`/registre?type=${d.type}`}>
          {DYNAMIC_KIND_LABELS[d.type]}
        </Tag>
      </p>
      <h1>{d.nom}</h1>
      <dl className="u-grid u-grid--gutters u-mb-2">
        <div className="u-col-12 u-col-md-4">
          <dt className="u-bold">Statut au {formatDateLong(d.date)}</dt>
          <dd className="u-ml-0">
            <StatusBadge statut={d.statut} />
          </dd>
        </div>
        <div className="u-col-12 u-col-md-4">
          <dt className="u-bold">Porteur</dt>
          <dd className="u-ml-0">
            {d.porteur ? (
              <>
                {d.porteur.nom} <span className="u-text-sm">({CARRIER_LABELS[d.porteur.type]})</span>
              </>
            ) : (
              'non renseigné'
            )}
          </dd>
        </div>
        <div className="u-col-12 u-col-md-4">
          <dt className="u-bold">Période</dt>
          <dd className="u-ml-0">
            {d.dateDebut ? `depuis le ${formatDateLong(d.dateDebut)}` : 'début non renseigné'}
            {d.dateFin && `, jusqu’au ${formatDateLong(d.dateFin)}`}
          </dd>
        </div>
      </dl>
      {f && (
        <p className="odts-actions">
          {f.verifieLe ? (
            <span>
              Informations vérifiées le {formatDateLong(f.verifieLe)}
              {f.verifiePar ? ` (${f.verifiePar})` : ''}
            </span>
          ) : (
            <span>Informations jamais vérifiées</span>
          )}
          {f.aVerifier && (
            <Badge severity="warning" small>
              À vérifier
            </Badge>
          )}
          {f.aRenouveler && (
            <Badge severity="new" small>
              À renouveler
            </Badge>
          )}
        </p>
      )}
      {d.signataires.length > 0 && <p>Signataires : {d.signataires.join(', ')}</p>}
    </>
  );
}

export default function DynamicPage({ params }: PageProps) {
  const id = params[0] ?? '';
  const { search } = useLocation();
  const date = new URLSearchParams(search).get('date');
  const saved = new URLSearchParams(search).get('enregistre');
  const url = `/api/dynamiques/${encodeURIComponent(id)}${date ? `?date=${encodeURIComponent(date)}` : ''}`;
  const state = useApi<Dynamic>(url);
  // Signed-in people see the forms their role allows (the server checks every write anyway).
  const me = useApi<Me>(document.cookie.includes('odts_csrf=') ? '/api/moi' : null);
  const canWrite = me.data?.permissions.includes('registre') ?? false;
  useTitle(
    state.data ? state.data.nom : state.error?.status === 404 ? 'Dynamique introuvable' : 'Fiche dynamique',
  );
  if (state.status === 'error') {
    const title = state.error.status === 404 ? 'Dynamique introuvable' : 'Fiche dynamique indisponible';
    return <PageError title={title} error={state.error} onRetry={state.reload} />;
  }
  return (
    <Async state={state} label="Chargement de la fiche…">
      {(d) => (
        <>
          <Identity d={d} />
          {saved && (
            <output className="u-mb-3 odts-block">
              <Alert severity="success" small description={`Fiche enregistrée (version ${saved}).`} />
            </output>
          )}
          <p>
            <ButtonLink
              href={`/dynamiques/${encodeURIComponent(d.id)}/modifier`}
              priority="secondary"
              size="small"
              iconId="edit-line"
            >
              Modifier la fiche
            </ButtonLink>
          </p>
          <Perimeter dynamic={d} />
          <Timeline dynamic={d} />
          <Coordination dynamic={d} />
          <LinksSection id={d.id} version={d.version} />
          <Sources dynamic={d} />
          <ActionsOf filter={{ dynamique: d.id }} />
          <CycleSection id={d.id} canWrite={canWrite} />
          <SelfAssessmentSection id={d.id} canWrite={canWrite} />
          <History id={d.id} version={d.version} />
        </>
      )}
    </Async>
  );
}
