import {
  AUDIENCE_LABELS,
  type Audience,
  DISPOSITIF_LABELS,
  NOTICE_TYPE_LABELS,
  type NoticeDispositif,
  type NoticeType,
  THEME_LABELS,
  type Theme,
} from '@domain/resources/vocabulary.ts';
import type { ReactNode } from 'react';
import type { Notice } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, PageError } from '../../components/StateViews.tsx';
import { formatDateLong } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import type { PageProps } from '../../routes.ts';
import { Breadcrumb, ButtonLink, Tag, TagGroup } from '../../ui/index.ts';
import { contributorName } from './NoticeText.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="u-mb-1">
      <dt className="u-bold">{label}</dt>
      <dd className="u-ml-0">{children}</dd>
    </div>
  );
}

function Tags({
  values,
  labels,
  param,
}: {
  values: string[];
  labels: Record<string, string>;
  param: string;
}) {
  return (
    <TagGroup>
      {values.map((v) => (
        <li key={v}>
          <Tag small href={`/ressources?${param}=${encodeURIComponent(v)}`}>
            {labels[v] ?? v}
          </Tag>
        </li>
      ))}
    </TagGroup>
  );
}

function Details({ n }: { n: Notice }) {
  const where = [
    n.conteneur?.titre,
    n.conteneur?.volume && `vol. ${n.conteneur.volume}`,
    n.conteneur?.numero && `n° ${n.conteneur.numero}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <Breadcrumb
        currentPageLabel={n.titre}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Centre de ressources', linkProps: { href: '/ressources' } }]}
      />
      <p className="u-mb-1">
        <Tag small href={`/ressources?type=${n.type}`}>
          {NOTICE_TYPE_LABELS[n.type as NoticeType] ?? n.type}
        </Tag>
      </p>
      <h1>{n.titre}</h1>
      <p>
        <ButtonLink
          priority="secondary"
          iconId="edit-line"
          href={`/ressources/${encodeURIComponent(n.id)}/modifier`}
        >
          Modifier la notice
        </ButtonLink>
      </p>
      <dl>
        <Row label="Auteurs">
          {n.auteurs.length ? n.auteurs.map(contributorName).join(', ') : 'non renseignés'}
        </Row>
        {n.date && <Row label="Date">{n.date.length === 10 ? formatDateLong(n.date) : n.date}</Row>}
        {where && <Row label="Publié dans">{where}</Row>}
        {(n.editeur || n.lieu) && <Row label="Éditeur">{[n.editeur, n.lieu].filter(Boolean).join(', ')}</Row>}
        {n.pages && <Row label="Pages">{n.pages}</Row>}
        {n.url && (
          <Row label="En ligne">
            <a href={n.url} target="_blank" rel="noreferrer">
              {n.url}
            </a>
            {n.consulteLe && ` (consulté le ${formatDateLong(n.consulteLe)})`}
          </Row>
        )}
        {n.doi && <Row label="DOI">{n.doi}</Row>}
        {n.isbn && <Row label="ISBN">{n.isbn}</Row>}
        {n.issn && <Row label="ISSN">{n.issn}</Row>}
      </dl>
      <section aria-labelledby="resume" className="u-mt-3">
        <h2 id="resume" className="u-h4">
          Résumé
        </h2>
        <p className="odts-prewrap">{n.resume || 'Pas de résumé pour cette notice.'}</p>
      </section>
      <section aria-labelledby="indexation" className="u-mt-3">
        <h2 id="indexation" className="u-h4">
          Indexation
        </h2>
        <dl>
          {n.dispositifs.length > 0 && (
            <Row label="Dispositifs">
              <Tags
                values={n.dispositifs}
                labels={DISPOSITIF_LABELS as Record<NoticeDispositif, string>}
                param="dispositif"
              />
            </Row>
          )}
          {n.themes.length > 0 && (
            <Row label="Thèmes">
              <Tags values={n.themes} labels={THEME_LABELS as Record<Theme, string>} param="theme" />
            </Row>
          )}
          {n.publics.length > 0 && (
            <Row label="Publics">
              <Tags values={n.publics} labels={AUDIENCE_LABELS as Record<Audience, string>} param="public" />
            </Row>
          )}
          {n.motsCles.length > 0 && <Row label="Mots-clés">{n.motsCles.join(', ')}</Row>}
          {n.territoires.length > 0 && (
            <Row label="Territoires">
              {n.territoires.map((t, i) => (
                <span key={`${t.type}:${t.code}`}>
                  {i > 0 && ', '}
                  <Link href={`/territoires/${t.type}/${t.code}`}>{`${t.type} ${t.code}`}</Link>
                </span>
              ))}
            </Row>
          )}
          {n.dynamiques.length > 0 && (
            <Row label="Dynamiques">
              {n.dynamiques.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link href={`/dynamiques/${encodeURIComponent(id)}`}>{id}</Link>
                </span>
              ))}
            </Row>
          )}
        </dl>
        {n.dispositifs.length + n.themes.length + n.publics.length + n.motsCles.length === 0 && (
          <p className="odts-empty">Notice non indexée.</p>
        )}
      </section>
      <p className="u-text-sm u-mt-3">
        Version {n.version}, mise à jour le {formatDateLong(n.modifieLe.slice(0, 10))}.
      </p>
    </>
  );
}

export default function NoticePage({ params }: PageProps) {
  const id = params[0] ?? '';
  const state = useApi<Notice>(`/api/ressources/${encodeURIComponent(id)}`);
  useTitle(state.data ? state.data.titre : state.error?.status === 404 ? 'Notice introuvable' : 'Notice');
  if (state.status === 'error')
    return (
      <PageError
        title={state.error.status === 404 ? 'Notice introuvable' : 'Notice indisponible'}
        error={state.error}
        onRetry={state.reload}
      />
    );
  return (
    <Async state={state} label="Chargement de la notice…">
      {(n) => <Details n={n} />}
    </Async>
  );
}
