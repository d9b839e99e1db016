import type { ActionOut } from '@domain/actions/responses.ts';
import {
  ACTION_AUDIENCE_LABELS,
  ACTION_TYPE_LABELS,
  type ActionType,
  DETERMINANT_LABELS,
  DYNAMIC_ROLE_LABELS,
  type DynamicRole,
  FUNDER_TYPE_LABELS,
  type FunderType,
  OTTAWA_AXIS_LABELS,
  PARTNER_TYPE_LABELS,
  type PartnerType,
  POLICY_LABELS,
  PROJECT_STEP_LABELS,
  SCALE_LABELS,
  type Scale,
  SETTING_LABELS,
  type Setting,
} from '@domain/actions/vocabulary.ts';
import { THEME_LABELS } from '@domain/resources/vocabulary.ts';
import type { ReactNode } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Async, PageError } from '../../components/StateViews.tsx';
import { formatDateLong } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb, ButtonLink, Tag, TagGroup } from '../../ui/index.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="u-mb-1">
      <dt className="u-bold">{label}</dt>
      <dd className="u-ml-0">{children}</dd>
    </div>
  );
}

/** Codes of a controlled list as tags leading to the actions sharing the value. */
function Tags({
  values,
  labels,
  param,
}: {
  values: string[];
  labels: Record<string, string>;
  param: string;
}) {
  if (values.length === 0) return <>non renseigné</>;
  return (
    <TagGroup>
      {values.map((v) => (
        <li key={v}>
          <Tag small href={`/actions?${param}=${encodeURIComponent(v)}`}>
            {labels[v] ?? v}
          </Tag>
        </li>
      ))}
    </TagGroup>
  );
}

const euros = (n: number) => `${n.toLocaleString('fr-FR')} €`;

function Details({ a }: { a: ActionOut }) {
  const saved = new URLSearchParams(useLocation().search).get('enregistre');
  const place = [
    a.territoire.communes.length ? `communes ${a.territoire.communes.join(', ')}` : '',
    a.territoire.epci.length ? `intercommunalités ${a.territoire.epci.join(', ')}` : '',
    a.territoire.qpv.length ? `quartiers prioritaires ${a.territoire.qpv.join(', ')}` : '',
  ].filter(Boolean);
  return (
    <>
      <Breadcrumb
        currentPageLabel={a.titre}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Actions et expériences', linkProps: { href: '/actions' } }]}
      />
      <p className="u-mb-1">
        <Tag small href={`/actions?type=${a.type}`}>
          {ACTION_TYPE_LABELS[a.type as ActionType] ?? a.type}
        </Tag>
      </p>
      <h1>{a.titre}</h1>
      {saved && (
        <output className="u-mb-3 odts-block">
          <Alert severity="success" small description={`Action enregistrée (version ${saved}).`} />
        </output>
      )}
      {a.resume && <p className="u-lead odts-prewrap">{a.resume}</p>}
      <p>
        <ButtonLink
          priority="secondary"
          iconId="edit-line"
          href={`/actions/${encodeURIComponent(a.id)}/modifier`}
        >
          Modifier l’action
        </ButtonLink>
      </p>
      <h2>Territoire</h2>
      <dl>
        <Row label="Territoire">
          {place.join(' ; ') || 'non renseigné'}
          {a.departements.length > 0 && (
            <>
              {' '}
              — départements{' '}
              {a.departements.map((d, i) => (
                <span key={d}>
                  {i > 0 && ', '}
                  <Link href={`/territoires/departement/${d}`}>{d}</Link>
                </span>
              ))}
            </>
          )}
        </Row>
        <Row label="Échelle">{a.echelle ? SCALE_LABELS[a.echelle as Scale] : 'non renseignée'}</Row>
        <Row label="Milieu">{a.milieu ? SETTING_LABELS[a.milieu as Setting] : 'non renseigné'}</Row>
        <Row label="En quartier prioritaire">{a.qpv ? 'Oui' : 'Non'}</Row>
        <Row label="Publics">
          <Tags values={a.publics} labels={ACTION_AUDIENCE_LABELS} param="public" />
        </Row>
      </dl>
      <h2>Acteurs et financements</h2>
      <dl>
        <Row label="Dynamiques impliquées">
          {a.dynamiquesDetail.length === 0 ? (
            'aucune'
          ) : (
            <ul>
              {a.dynamiquesDetail.map((d) => (
                <li key={d.id}>
                  <Link href={`/dynamiques/${encodeURIComponent(d.id)}`}>{d.nom ?? d.id}</Link>
                  {d.type ? ` (${d.type})` : ''} — {DYNAMIC_ROLE_LABELS[d.role as DynamicRole] ?? d.role}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Financeurs">
          {a.financeurs.length === 0 ? (
            'aucun'
          ) : (
            <ul>
              {a.financeurs.map((f, i) => (
                <li key={`${f.type}-${i}`}>
                  {FUNDER_TYPE_LABELS[f.type as FunderType] ?? f.type}
                  {f.nom ? ` : ${f.nom}` : ''}
                  {f.montant !== null ? ` (${euros(f.montant)})` : ''}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Partenaires opérationnels">
          {a.partenaires.length === 0
            ? 'aucun'
            : a.partenaires
                .map(
                  (p) =>
                    `${p.nom}${p.type ? ` (${PARTNER_TYPE_LABELS[p.type as PartnerType] ?? p.type})` : ''}`,
                )
                .join(', ')}
        </Row>
        <Row label="Implication de la ville">{a.impliqueVille ? 'Oui' : 'Non'}</Row>
        <Row label="Politiques publiques liées">
          <Tags values={a.politiques} labels={POLICY_LABELS} param="politique" />
        </Row>
      </dl>
      <h2>Démarche</h2>
      <dl>
        <Row label="Axes de la charte d’Ottawa">
          <Tags values={a.axesOttawa} labels={OTTAWA_AXIS_LABELS} param="axe" />
        </Row>
        <Row label="Étapes du projet">
          <Tags values={a.etapes} labels={PROJECT_STEP_LABELS} param="etape" />
        </Row>
        <Row label="Thèmes">
          <Tags values={a.themes} labels={THEME_LABELS} param="theme" />
        </Row>
        <Row label="Déterminants de santé">
          <Tags values={a.determinants} labels={DETERMINANT_LABELS} param="determinant" />
        </Row>
        <Row label="Dates">
          {a.debut ? `depuis le ${formatDateLong(a.debut)}` : 'début non renseigné'}
          {a.fin ? `, jusqu’au ${formatDateLong(a.fin)}` : a.debut ? ', en cours' : ''}
          {a.duree !== null && ` — ${a.duree.toLocaleString('fr-FR')} ans`}
        </Row>
        {a.evaluation && <Row label="Évaluation">{a.evaluation}</Row>}
        {a.resultats && <Row label="Résultats">{a.resultats}</Row>}
        {a.ressources.length > 0 && (
          <Row label="Ressources liées">
            <ul>
              {a.ressources.map((r) => (
                <li key={r}>
                  <Link href={`/ressources/${encodeURIComponent(r)}`}>Notice {r}</Link>
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </>
  );
}

/** One action: every field of the grid, links to its dynamics, territories and notices. */
export default function ActionPage({ params }: PageProps) {
  const id = params[0] as string;
  const state = useApi<ActionOut>(`/api/actions/${encodeURIComponent(id)}`);
  useTitle(state.data ? state.data.titre : state.error?.status === 404 ? 'Action introuvable' : 'Action');
  if (state.status === 'error')
    return (
      <PageError
        title={state.error.status === 404 ? 'Action introuvable' : 'Action indisponible'}
        error={state.error}
        onRetry={state.reload}
      />
    );
  return (
    <Async state={state} label="Chargement de l’action…">
      {(a) => <Details a={a} />}
    </Async>
  );
}
