import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { lazy, Suspense } from 'react';
import type { Dynamic, Profile } from '../../api/types.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { Empty, Loading } from '../../components/StateViews.tsx';
import { count, formatDateLong, formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Table } from '../../ui/index.ts';
import { QpvFigures } from './QpvFigures.tsx';

// Chart.js comes with the chart only, after the profile's text and tables.
const BarChart = lazy(() => import('../analyses/BarChart.tsx'));

function byKind(dynamics: Dynamic[]): [DynamicKind, Dynamic[]][] {
  const groups = new Map<DynamicKind, Dynamic[]>();
  for (const d of dynamics) groups.set(d.type, [...(groups.get(d.type) ?? []), d]);
  return DYNAMIC_KINDS.flatMap((k) => {
    const list = groups.get(k);
    return list
      ? [[k, list.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))] as [DynamicKind, Dynamic[]]]
      : [];
  });
}

function Dynamics({ profile }: { profile: Profile }) {
  const groups = byKind(profile.dynamiques);
  if (groups.length === 0) {
    return <Empty>Aucune dynamique recensée sur ce territoire au {formatDateLong(profile.date)}.</Empty>;
  }
  return (
    <>
      {groups.map(([kind, list]) => (
        <section key={kind} aria-labelledby={`type-${kind}`} className="u-mb-3">
          <h3 id={`type-${kind}`} className="u-h5">
            {DYNAMIC_KIND_LABELS[kind]} ({list.length})
          </h3>
          <ul>
            {list.map((d) => (
              <li key={d.id} className="u-mb-1">
                <Link href={`/dynamiques/${d.id}`}>{d.nom}</Link> <StatusBadge statut={d.statut} />
                {d.porteur && <span className="u-text-sm"> — porté par {d.porteur.nom}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function CoverageTable({ profile }: { profile: Profile }) {
  const rows = DYNAMIC_KINDS.flatMap((k) => {
    const c = profile.couverture[k];
    return c && c.communes > 0 ? [[k, c] as const] : [];
  });
  const absent = DYNAMIC_KINDS.filter((k) => profile.couverture[k] && !profile.couverture[k]?.communes);
  return (
    <>
      {rows.length === 0 ? (
        <Empty>Aucune dynamique ne couvre ce territoire.</Empty>
      ) : (
        <Table bordered={false} noCaption>
          <caption>Couverture du territoire par type de dynamique</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="odts-num">
                Communes couvertes
              </th>
              <th scope="col" className="odts-num">
                Population couverte
              </th>
              <th scope="col" className="odts-num">
                Part de la population
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, c]) => (
              <tr key={k}>
                <th scope="row">{DYNAMIC_KIND_LABELS[k]}</th>
                <td className="odts-num">{formatInteger(c.communes)}</td>
                <td className="odts-num">{formatInteger(c.population)}</td>
                <td className="odts-num">{formatPercent(c.partPopulation)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {rows.length > 0 && (
        <Suspense fallback={<Loading label="Chargement du graphique…" />}>
          <BarChart
            labels={rows.map(([k]) => DYNAMIC_KIND_LABELS[k])}
            values={rows.map(([, c]) => Math.round(c.partPopulation * 1000) / 10)}
            format={(v) => `${v.toLocaleString('fr-FR')} %`}
            title={`Part de la population de ${profile.territoire.nom} couverte, par type, au ${formatDateLong(profile.date)}`}
            description={`Diagramme en barres : part de la population de ${profile.territoire.nom} couverte par type de dynamique ; valeurs dans le tableau ci-dessus.`}
            fileName={`couverture-${profile.territoire.type}-${profile.territoire.code}-${profile.date}`}
          />
        </Suspense>
      )}
      {absent.length > 0 && (
        <p>Non couvert par : {absent.map((k) => DYNAMIC_KIND_LABELS[k].toLowerCase()).join(', ')}.</p>
      )}
    </>
  );
}

/** « Auteur, année » of a notice, as the list shows it under the title. */
function byline(n: Profile['ressources'][number]): string {
  const who = n.auteurs
    .slice(0, 2)
    .map((a) => ('organisation' in a ? a.organisation : [a.prenom, a.nom].filter(Boolean).join(' ')))
    .filter(Boolean)
    .join(', ');
  return [who, n.annee].filter(Boolean).join(', ');
}

/** Notices of the resource centre about the territory, a territory containing it, or its dynamics. */
function Resources({ profile }: { profile: Profile }) {
  return (
    <section aria-labelledby="ressources-liees" className="u-mt-4">
      <h2 id="ressources-liees">Pour aller plus loin</h2>
      {profile.ressources.length === 0 ? (
        <Empty>Aucune notice du centre de ressources n’est liée à ce territoire ou à ses dynamiques.</Empty>
      ) : (
        <ul>
          {profile.ressources.map((n) => (
            <li key={n.id}>
              <Link href={`/ressources/${encodeURIComponent(n.id)}`}>{n.titre}</Link>
              {byline(n) && <span className="u-text-sm"> — {byline(n)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProfileView({ profile }: { profile: Profile }) {
  return (
    <>
      <section aria-labelledby="dynamiques" className="u-mt-4">
        <h2 id="dynamiques">Dynamiques présentes</h2>
        <p>
          {count(profile.dynamiques.length, 'dynamique')} au {formatDateLong(profile.date)}, portées sur tout
          ou partie du territoire.
        </p>
        <Dynamics profile={profile} />
      </section>
      <section aria-labelledby="couverture" className="u-mt-4">
        <h2 id="couverture">Couverture</h2>
        <CoverageTable profile={profile} />
      </section>
      <section aria-labelledby="quartiers-prioritaires" className="u-mt-4">
        <h2 id="quartiers-prioritaires">Quartiers prioritaires</h2>
        <QpvFigures profile={profile} />
      </section>
      <Resources profile={profile} />
      <section aria-labelledby="lacunes" className="u-mt-4">
        <h2 id="lacunes">Lacunes repérées</h2>
        {profile.lacunes.length === 0 ? (
          <Empty>Aucune lacune repérée.</Empty>
        ) : (
          <Alert
            severity="warning"
            small
            description={
              <ul className="u-mb-0">
                {profile.lacunes.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            }
          />
        )}
      </section>
    </>
  );
}
