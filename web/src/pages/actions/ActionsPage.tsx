import type { ActionOut, ActionResults, GridAnalysisOut } from '@domain/actions/responses.ts';
import { ACTION_TYPE_LABELS, type ActionType } from '@domain/actions/vocabulary.ts';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { count } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { Button, ButtonGroup, ButtonLink, Input, Pagination, Select } from '../../ui/index.ts';
import { ActionFacets, goToActions } from './ActionFacets.tsx';
import {
  type ActionPageFilters,
  actionsAnalysisUrl,
  actionsApiUrl,
  actionsExportUrl,
  actionsSearch,
  actionsSummaryUrl,
  EMPTY_ACTION_FILTERS,
  PAGE_SIZE,
  readActionFilters,
} from './filters.ts';
import { GridSummary } from './GridSummary.tsx';

/** One line of a list of actions: title, kind, years (shared with territory and dynamic pages). */
export function ActionLine({ a }: { a: ActionOut }) {
  const years = a.debut
    ? `${a.debut.slice(0, 4)}–${a.fin ? a.fin.slice(0, 4) : 'en cours'}`
    : 'dates non renseignées';
  return (
    <li className="odts-hit">
      <h3 className="u-h6 u-mb-half">
        <Link href={`/actions/${encodeURIComponent(a.id)}`}>{a.titre}</Link>
      </h3>
      <p className="u-text-sm u-mb-half">
        {ACTION_TYPE_LABELS[a.type as ActionType] ?? a.type} · {years}
        {a.dynamiquesDetail.length > 0 && ` · ${a.dynamiquesDetail.map((d) => d.nom ?? d.id).join(', ')}`}
      </p>
    </li>
  );
}

function SearchForm({ filters }: { filters: ActionPageFilters }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  return (
    <form
      aria-label="Rechercher des actions"
      className="odts-filters"
      onSubmit={(e) => {
        e.preventDefault();
        goToActions(draft);
      }}
    >
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-8">
          <Input
            label="Mots recherchés"
            hintText="Titre, résumé, partenaires et financeurs"
            nativeInputProps={{
              type: 'search',
              value: draft.q,
              onChange: (e) => setDraft({ ...draft, q: e.target.value }),
            }}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Select
            label="Ordre"
            nativeSelectProps={{
              value: draft.tri,
              onChange: (e) => setDraft({ ...draft, tri: e.target.value }),
            }}
          >
            <option value="titre">Titre</option>
            <option value="debut">Début, récentes d’abord</option>
            <option value="modification">Dernières modifiées</option>
          </Select>
        </div>
      </div>
      <ButtonGroup>
        <li>
          <Button type="submit">Rechercher</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => goToActions(EMPTY_ACTION_FILTERS)}>
            Tout effacer
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}

function Results({ data, filters }: { data: ActionResults; filters: ActionPageFilters }) {
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <div className="u-grid u-grid--gutters">
      <div className="u-col-12 u-col-md-4">
        <ActionFacets filters={filters} facettes={data.facettes} />
      </div>
      <div className="u-col-12 u-col-md-8">
        <output className="u-text-lg u-mb-2 odts-block">
          {count(data.total, 'action trouvée', 'actions trouvées')}
          {pages > 1 && ` — page ${filters.page} sur ${pages}`}
        </output>
        {data.items.length === 0 ? (
          <Empty>Aucune action ne correspond à cette recherche. Retirez un filtre ou changez les mots.</Empty>
        ) : (
          <ol className="odts-hits" aria-label="Résultats">
            {data.items.map((a) => (
              <ActionLine key={a.id} a={a} />
            ))}
          </ol>
        )}
        {pages > 1 && (
          <Pagination
            count={pages}
            defaultPage={filters.page}
            showFirstLast
            getPageLinkProps={(page) => ({ href: `/actions${actionsSearch({ ...filters, page })}` })}
            className="u-mt-3"
          />
        )}
      </div>
    </div>
  );
}

export default function ActionsPage() {
  const { search } = useLocation();
  const filters = useMemo(() => readActionFilters(new URLSearchParams(search)), [search]);
  useTitle(filters.q ? `Actions : ${filters.q}` : 'Actions et expériences');
  const results = useApi<ActionResults>(actionsApiUrl(filters));
  const analysis = useApi<GridAnalysisOut>(actionsAnalysisUrl(filters));
  return (
    <>
      <h1 className="u-mt-4">Actions et expériences</h1>
      <p className="u-lead">
        Fiches actions, récits d’expérience, fiches inspirantes et interventions, lus avec la grille d’analyse
        de l’enquête de 2018 : publics, territoires, financeurs, partenaires, politiques liées et durée.
      </p>
      <p>
        <ButtonLink iconId="add-line" href="/actions/nouvelle">
          Saisir une action
        </ButtonLink>
      </p>
      <SearchForm filters={filters} />
      <Async state={results} label="Recherche des actions…">
        {(data) => <Results data={data} filters={filters} />}
      </Async>
      <section aria-labelledby="analyse-grille" className="u-mt-4">
        <h2 id="analyse-grille">Analyse de la grille</h2>
        <Async state={analysis} label="Calcul des chiffres…">
          {(r) => <GridSummary r={r} />}
        </Async>
        <h3 className="u-h6 u-mt-3">Télécharger la synthèse de ces chiffres</h3>
        <ButtonGroup>
          {(['pdf', 'docx', 'html'] as const).map((format) => (
            <li key={format}>
              <ButtonLink
                priority="secondary"
                iconId="download-line"
                href={actionsSummaryUrl(filters, format)}
                {...(format === 'html' ? {} : { download: true })}
              >
                {format.toUpperCase()}
                <span className="u-sr-only"> : synthèse de la grille d’analyse</span>
              </ButtonLink>
            </li>
          ))}
        </ButtonGroup>
      </section>
      <section aria-labelledby="exporter-actions" className="u-mt-4">
        <h2 id="exporter-actions" className="u-h5">
          Exporter ces actions
        </h2>
        <ButtonGroup>
          <li>
            <ButtonLink
              priority="secondary"
              iconId="download-line"
              href={actionsExportUrl(filters, 'csv')}
              download
            >
              CSV
            </ButtonLink>
          </li>
          <li>
            <ButtonLink
              priority="secondary"
              iconId="download-line"
              href={actionsExportUrl(filters, 'xlsx')}
              download
            >
              XLSX
            </ButtonLink>
          </li>
        </ButtonGroup>
      </section>
    </>
  );
}
