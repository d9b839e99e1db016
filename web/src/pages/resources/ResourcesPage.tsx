import { NOTICE_TYPE_LABELS, type NoticeType } from '@domain/resources/vocabulary.ts';
import { useMemo } from 'react';
import type { NoticeHit, NoticeResults } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { count } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { ButtonGroup, ButtonLink, Pagination } from '../../ui/index.ts';
import {
  PAGE_SIZE,
  type ResourceFilters,
  readResourceFilters,
  resourcesApiUrl,
  resourcesExportUrl,
  resourcesSearch,
} from './filters.ts';
import { authorsLine, Highlighted } from './NoticeText.tsx';
import { Facets, SearchForm } from './SearchForm.tsx';
import { SelectionsList } from './SelectionsList.tsx';

const EXPORTS = [
  { format: 'ris', label: 'RIS', detail: 'Zotero, EndNote' },
  { format: 'bibtex', label: 'BibTeX', detail: 'LaTeX, JabRef' },
  { format: 'csl-json', label: 'CSL-JSON', detail: 'Zotero, Pandoc' },
  { format: 'csv', label: 'CSV', detail: 'tableur' },
] as const;

function Hit({ hit }: { hit: NoticeHit }) {
  return (
    <li className="odts-hit">
      <h3 className="u-h6 u-mb-half">
        <Link href={`/ressources/${encodeURIComponent(hit.id)}`}>{hit.titre}</Link>
      </h3>
      <p className="u-text-sm u-mb-half">
        {NOTICE_TYPE_LABELS[hit.type as NoticeType] ?? hit.type} · {authorsLine(hit.auteurs)}
        {hit.annee ? ` · ${hit.annee}` : ''}
      </p>
      {hit.extrait && (
        <p className="u-text-sm u-mb-half">
          <Highlighted html={hit.extrait} />
        </p>
      )}
      {hit.dispositifs.length > 0 && (
        <p className="u-text-xs u-mb-0">Dispositifs : {hit.dispositifs.join(', ')}</p>
      )}
    </li>
  );
}

function Results({ data, filters }: { data: NoticeResults; filters: ResourceFilters }) {
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <div className="u-grid u-grid--gutters">
      <div className="u-col-12 u-col-md-4">
        <Facets filters={filters} facettes={data.facettes} />
      </div>
      <div className="u-col-12 u-col-md-8">
        <output className="u-text-lg u-mb-2 odts-block">
          {count(data.total, 'notice trouvée', 'notices trouvées')}
          {pages > 1 && ` — page ${filters.page} sur ${pages}`}
        </output>
        {data.items.length === 0 ? (
          <Empty>Aucune notice ne correspond à cette recherche. Retirez un filtre ou changez les mots.</Empty>
        ) : (
          <>
            <ol className="odts-hits" aria-label="Résultats">
              {data.items.map((hit) => (
                <Hit key={hit.id} hit={hit} />
              ))}
            </ol>
            {pages > 1 && (
              <Pagination
                count={pages}
                defaultPage={filters.page}
                showFirstLast
                getPageLinkProps={(page) => ({ href: `/ressources${resourcesSearch({ ...filters, page })}` })}
                className="u-mt-3"
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}

export default function ResourcesPage() {
  const { search } = useLocation();
  const filters = useMemo(() => readResourceFilters(new URLSearchParams(search)), [search]);
  useTitle(filters.q ? `Ressources : ${filters.q}` : 'Centre de ressources');
  const results = useApi<NoticeResults>(resourcesApiUrl(filters));
  return (
    <>
      <h1 className="u-mt-4">Centre de ressources</h1>
      <p className="u-lead">
        Rapports, guides, articles, textes officiels et outils sur les dynamiques territoriales de santé.
      </p>
      <ButtonGroup>
        <li>
          <ButtonLink iconId="add-line" href="/ressources/nouvelle">
            Nouvelle notice
          </ButtonLink>
        </li>
        <li>
          <ButtonLink priority="secondary" href="/ressources/import">
            Importer des notices
          </ButtonLink>
        </li>
        <li>
          <ButtonLink priority="secondary" href="/ressources/doublons">
            Doublons à fusionner
          </ButtonLink>
        </li>
      </ButtonGroup>
      <p className="u-text-sm">
        Un sigle à éclaircir (ASV, CLS, CLSM, CPTS…) ? <a href="/glossaire">Consulter le glossaire</a>.
      </p>
      <SearchForm filters={filters} />
      <Async state={results} label="Recherche des notices…">
        {(data) => <Results data={data} filters={filters} />}
      </Async>
      <section aria-labelledby="exporter-notices" className="u-mt-4">
        <h2 id="exporter-notices" className="u-h5">
          Exporter ces notices
        </h2>
        <ButtonGroup>
          {EXPORTS.map((e) => (
            <li key={e.format}>
              <ButtonLink
                priority="secondary"
                iconId="download-line"
                href={resourcesExportUrl(filters, e.format)}
                download
                title={`Télécharger au format ${e.label} (${e.detail})`}
              >
                {e.label}
              </ButtonLink>
            </li>
          ))}
        </ButtonGroup>
      </section>
      <SelectionsList />
    </>
  );
}
