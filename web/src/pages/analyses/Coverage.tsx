import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { query } from '../../api/client.ts';
import type { CoverageData } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty, Loading } from '../../components/StateViews.tsx';
import { formatDateLong, formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Select, Table } from '../../ui/index.ts';
import { DataDownloads } from './DataDownloads.tsx';
import { type AnalysisScope, LEVEL_LABELS, levelBelow, scopeParams } from './scope.ts';

const BarChart = lazy(() => import('./BarChart.tsx'));

const percent = (v: number) => `${v.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

function Result({
  data,
  kind,
  url,
  level,
}: {
  data: CoverageData;
  kind: DynamicKind;
  url: string;
  level: 'region' | 'departement' | 'epci' | 'commune';
}) {
  const noun = LEVEL_LABELS[level];
  const rows = useMemo(() => data.items.filter((i) => i.type === kind), [data, kind]);
  const labels = useMemo(() => rows.map((r) => r.territoire.nom), [rows]);
  const values = useMemo(() => rows.map((r) => Math.round(r.partPopulation * 1000) / 10), [rows]);
  if (rows.length === 0) return <Empty>Aucun territoire à afficher.</Empty>;
  const title = `Part de la population couverte par un(e) ${DYNAMIC_KIND_LABELS[kind].toLowerCase()} au ${formatDateLong(data.date)}`;
  return (
    <>
      <Suspense fallback={<Loading label="Chargement du graphique…" />}>
        <BarChart
          labels={labels}
          values={values}
          title={title}
          format={percent}
          description={`Diagramme en barres : ${title.toLowerCase()}, par ${noun} ; valeurs dans le tableau qui suit.`}
          fileName={`couverture-${kind.toLowerCase()}-${data.date}`}
        />
      </Suspense>
      <Table bordered className="u-mt-3">
        <caption>
          {title}, par {noun}
        </caption>
        <thead>
          <tr>
            <th scope="col">{noun.charAt(0).toUpperCase() + noun.slice(1)}</th>
            <th scope="col" className="odts-num">
              Communes couvertes
            </th>
            <th scope="col" className="odts-num">
              Part des communes
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
          {rows.map((r) => (
            <tr key={r.territoire.code}>
              <th scope="row">
                <Link href={`/territoires/${r.territoire.type}/${r.territoire.code}`}>
                  {r.territoire.nom}
                </Link>
              </th>
              <td className="odts-num">{formatInteger(r.communes)}</td>
              <td className="odts-num">{formatPercent(r.partCommunes)}</td>
              <td className="odts-num">{formatInteger(r.population)}</td>
              <td className="odts-num">{formatPercent(r.partPopulation)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <DataDownloads url={url} what={`couverture par ${noun}`} />
    </>
  );
}

/** Share of each région's communes and population covered by a live dynamic of the chosen kind. */
export function Coverage({ scope }: { scope: AnalysisScope }) {
  const [draft, setDraft] = useState<DynamicKind>('CLS');
  const [kind, setKind] = useState<DynamicKind>('CLS');
  const level = levelBelow(scope);
  const url = `/api/analyses/couverture${query({ niveau: level, types: kind, ...scopeParams(scope) })}`;
  const state = useApi<CoverageData>(url);
  return (
    <section aria-labelledby="couverture" className="u-mt-6">
      <h2 id="couverture">Couverture par {LEVEL_LABELS[level]}</h2>
      <form
        className="odts-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setKind(draft);
        }}
      >
        <Select
          label="Type de dynamique"
          nativeSelectProps={{ value: draft, onChange: (e) => setDraft(e.target.value as DynamicKind) }}
        >
          {DYNAMIC_KINDS.filter((k) => k !== 'AUTRE').map((k) => (
            <option key={k} value={k}>
              {DYNAMIC_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Button type="submit">Afficher la couverture</Button>
      </form>
      <Async state={state} label="Calcul de la couverture…">
        {(data) => <Result data={data} kind={kind} url={url} level={level} />}
      </Async>
    </section>
  );
}
