import { useMemo } from 'react';
import type { DynamicPage } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { count, formatDateLong } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate, useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { ButtonGroup, ButtonLink, Pagination } from '../../ui/index.ts';
import { apiListUrl, exportUrl, type Filters, PAGE_SIZE, pageSearch, readFilters } from './filters.ts';
import { RegistryFilters } from './RegistryFilters.tsx';
import { RegistryTable } from './RegistryTable.tsx';

const EXPORTS = [
  { format: 'csv', label: 'CSV', detail: 'tableur, séparateur point-virgule' },
  { format: 'xlsx', label: 'XLSX', detail: 'classeur Excel' },
  { format: 'geojson', label: 'GeoJSON', detail: 'périmètres cartographiques' },
] as const;

function Exports({ filters }: { filters: Filters }) {
  return (
    <section aria-labelledby="exporter" className="u-mt-4">
      <h2 id="exporter" className="u-h5">
        Exporter ces résultats
      </h2>
      <ButtonGroup>
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <ButtonLink
              priority="secondary"
              iconId="download-line"
              href={exportUrl(filters, e.format)}
              download
              title={`Télécharger au format ${e.label} (${e.detail})`}
            >
              {e.label}
            </ButtonLink>
          </li>
        ))}
      </ButtonGroup>
    </section>
  );
}

const SORT_NAMES: Record<Filters['tri'], string> = {
  nom: 'nom',
  modification: 'date de modification',
  verification: 'date de mise à jour (dernière vérification)',
};

/** Renewals due: a shortcut to the list of dynamics whose term ends within a year or has passed. */
function Renewals({ filters }: { filters: Filters }) {
  if (filters.echeance) {
    return (
      <p className="u-mb-2">
        Renouvellements dus{' '}
        {/^\d+$/.test(filters.echeance)
          ? `d’ici ${filters.echeance} mois`
          : `au plus tard le ${formatDateLong(filters.echeance)}`}{' '}
        : dynamiques dont la date de fin est atteinte sans renouvellement enregistré, échues comprises.{' '}
        <Link href={`/registre${pageSearch({ ...filters, echeance: '', page: 1 })}`}>
          Toutes les dynamiques
        </Link>
      </p>
    );
  }
  return (
    <p className="u-mb-2">
      <Link href={`/registre${pageSearch({ ...filters, echeance: '12', page: 1 })}`}>
        Renouvellements dus dans les 12 prochains mois
      </Link>
    </p>
  );
}

function Results({ data, filters }: { data: DynamicPage; filters: Filters }) {
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const go = (patch: Partial<Filters>) => navigate(`/registre${pageSearch({ ...filters, ...patch })}`);
  return (
    <>
      <output className="u-text-lg u-mb-2 odts-block">
        {count(data.total, 'dynamique trouvée', 'dynamiques trouvées')}
        {data.total > 0 && pages > 1 && ` — page ${filters.page} sur ${pages}`}
      </output>
      {data.items.length === 0 ? (
        <Empty>
          Aucune dynamique ne correspond à ces filtres. Élargissez la recherche ou réinitialisez les filtres.
        </Empty>
      ) : (
        <>
          <RegistryTable
            items={data.items}
            filters={filters}
            caption={`Dynamiques au ${formatDateLong(data.date)}, triées par ${SORT_NAMES[filters.tri]}`}
            onSort={(tri) => go({ tri, page: 1 })}
          />
          {pages > 1 && (
            <Pagination
              count={pages}
              defaultPage={filters.page}
              showFirstLast
              getPageLinkProps={(page) => ({ href: `/registre${pageSearch({ ...filters, page })}` })}
              className="u-mt-3"
            />
          )}
        </>
      )}
    </>
  );
}

export default function RegistryPage() {
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  useTitle(filters.page > 1 ? `Registre des dynamiques, page ${filters.page}` : 'Registre des dynamiques');
  const list = useApi<DynamicPage>(apiListUrl(filters));
  return (
    <>
      <h1 className="u-mt-4">Registre des dynamiques</h1>
      <p className="u-lead">
        Toutes les dynamiques territoriales de santé recensées, à filtrer par type, statut, territoire et
        date.
      </p>
      <p>
        <ButtonLink href="/dynamiques/nouvelle" priority="secondary" iconId="add-line">
          Ajouter une dynamique
        </ButtonLink>
      </p>
      <RegistryFilters filters={filters} />
      <Renewals filters={filters} />
      <Async state={list} label="Recherche des dynamiques…">
        {(data) => <Results data={data} filters={filters} />}
      </Async>
      <Exports filters={filters} />
    </>
  );
}
