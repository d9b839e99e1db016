import { TERRITORY_TYPE_LABELS, type TerritoryType } from '@domain/territories/types.ts';
import { useState } from 'react';
import type { Profile, TerritoryDetail } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Async, PageError } from '../components/StateViews.tsx';
import { formatInteger } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';
import type { PageProps } from '../routes.ts';
import { Breadcrumb, Button, Tag, TextLink } from '../ui/index.ts';
import { ActionsOf } from './actions/ActionsOf.tsx';
import { ProfileView } from './territory/ProfileView.tsx';
import { ReportDownloads } from './territory/ReportDownloads.tsx';

const PARENT_ORDER: TerritoryType[] = ['region', 'departement', 'epci', 'commune'];
const CHILDREN_SHOWN = 60;

function Children({ detail }: { detail: TerritoryDetail }) {
  const [all, setAll] = useState(false);
  if (detail.enfants.length === 0) return null;
  const shown = all ? detail.enfants : detail.enfants.slice(0, CHILDREN_SHOWN);
  const label =
    detail.type === 'region'
      ? 'Départements'
      : detail.type === 'departement'
        ? 'Communes'
        : 'Territoires inclus';
  return (
    <section aria-labelledby="enfants" className="u-mt-4">
      <h2 id="enfants" className="u-h4">
        {label} ({formatInteger(detail.enfants.length)})
      </h2>
      <ul className="odts-chips" id="liste-enfants">
        {shown.map((c) => (
          <li key={`${c.type}:${c.code}`}>
            <Tag href={`/territoires/${c.type}/${c.code}`}>{c.nom}</Tag>
          </li>
        ))}
      </ul>
      {detail.enfants.length > CHILDREN_SHOWN && (
        <Button
          type="button"
          priority="tertiary"
          size="small"
          className="u-mt-2"
          aria-expanded={all}
          aria-controls="liste-enfants"
          onClick={() => setAll(!all)}
        >
          {all ? 'Afficher moins' : `Afficher les ${formatInteger(detail.enfants.length)}`}
        </Button>
      )}
    </section>
  );
}

function Identity({ detail }: { detail: TerritoryDetail }) {
  const parents = [...detail.parents].sort(
    (a, b) => PARENT_ORDER.indexOf(a.type) - PARENT_ORDER.indexOf(b.type),
  );
  return (
    <>
      <Breadcrumb
        currentPageLabel={detail.nom}
        homeLinkProps={{ href: '/' }}
        segments={parents.map((p) => ({
          label: p.nom,
          linkProps: { href: `/territoires/${p.type}/${p.code}` },
        }))}
      />
      <h1>{detail.nom}</h1>
      <p className="u-lead">
        {TERRITORY_TYPE_LABELS[detail.type]} · code {detail.code}
        {detail.population !== null && <> · {formatInteger(detail.population)} habitants</>}
      </p>
      {detail.codesPostaux && detail.codesPostaux.length > 0 && (
        <p>Codes postaux : {detail.codesPostaux.join(', ')}</p>
      )}
      {parents.length > 0 && (
        <p>
          Fait partie de :{' '}
          {parents.map((p, i) => (
            <span key={`${p.type}:${p.code}`}>
              {i > 0 && ', '}
              <Link href={`/territoires/${p.type}/${p.code}`}>{p.nom}</Link> ({TERRITORY_TYPE_LABELS[p.type]})
            </span>
          ))}
        </p>
      )}
      {detail.type !== 'qpv' && (
        <p>
          <TextLink iconId="list-unordered" href={registryHref(detail)}>
            Les dynamiques de ce territoire dans le registre
          </TextLink>
          {mapHref(detail) && (
            <>
              {' · '}
              <TextLink iconId="map-pin-2-line" href={mapHref(detail) ?? ''}>
                Les périmètres sur la carte
              </TextLink>
            </>
          )}
        </p>
      )}
    </>
  );
}

/** The map opened on the territory's département, where perimeters are drawn. */
function mapHref(t: TerritoryDetail): string | null {
  if (t.type === 'departement') return `/carte?departement=${t.code}`;
  const dep = t.parents.find((p) => p.type === 'departement');
  return dep ? `/carte?departement=${dep.code}` : t.type === 'region' ? '/carte' : null;
}

function registryHref(t: { type: TerritoryType; code: string }): string {
  if (t.type === 'region') return `/registre?region=${t.code}`;
  if (t.type === 'departement') return `/registre?departement=${t.code}`;
  return `/registre?territoire=${t.type}:${t.code}`;
}

export default function TerritoryPage({ params }: PageProps) {
  const [type, code] = params as [TerritoryType, string];
  const detail = useApi<TerritoryDetail>(`/api/territoires/${type}/${encodeURIComponent(code)}`);
  const profile = useApi<Profile>(`/api/territoires/${type}/${encodeURIComponent(code)}/profil`);
  useTitle(
    detail.data
      ? `${detail.data.nom} (${TERRITORY_TYPE_LABELS[detail.data.type]})`
      : detail.error?.status === 404
        ? 'Territoire introuvable'
        : 'Fiche territoire',
  );
  if (detail.status === 'error') {
    const title = detail.error.status === 404 ? 'Territoire introuvable' : 'Fiche territoire indisponible';
    return <PageError title={title} error={detail.error} onRetry={detail.reload} />;
  }
  return (
    <Async state={detail} label="Chargement de la fiche territoire…">
      {(d) => (
        <>
          <Identity detail={d} />
          <Async state={profile} label="Chargement du profil…">
            {(p) => (
              <>
                {d.type !== 'qpv' && (
                  <ReportDownloads type={d.type} code={d.code} nom={d.nom} date={p.date} />
                )}
                {(d.type === 'commune' || d.type === 'epci') && (
                  <ReportDownloads
                    type={d.type}
                    code={d.code}
                    nom={d.nom}
                    date={p.date}
                    document="dossier-elus"
                  />
                )}
                <ProfileView profile={p} />
              </>
            )}
          </Async>
          <Children detail={d} />
          <ActionsOf filter={{ territoire: `${d.type}:${d.code}` }} />
        </>
      )}
    </Async>
  );
}
