import {
  DYNAMIC_KIND_LABELS,
  DYNAMIC_KINDS,
  type DynamicKind,
  STATUS_LABELS,
} from '@domain/registry/kinds.ts';
import { KIND_SHORT } from '@domain/reports/french.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { query } from '../../api/client.ts';
import type { EvolutionData } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty, Loading } from '../../components/StateViews.tsx';
import { formatDateLong, todayIso } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Input, Table } from '../../ui/index.ts';
import { DataDownloads } from './DataDownloads.tsx';
import { type AnalysisScope, scopeParams } from './scope.ts';

const BarChart = lazy(() => import('./BarChart.tsx'));

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

type Item = EvolutionData['creees'][number];

function ItemList({ title, items }: { title: string; items: Item[] }) {
  return (
    <div className="u-col-12 u-col-md-6">
      <h3 className="u-h6">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="odts-empty u-my-1">Aucune.</p>
      ) : (
        <ul>
          {items.slice(0, 100).map((d) => (
            <li key={d.id}>
              <Link href={`/dynamiques/${encodeURIComponent(d.id)}`}>{d.nom}</Link> (
              {KIND_SHORT[d.type as DynamicKind] ?? d.type})
            </li>
          ))}
          {items.length > 100 && <li>… et {items.length - 100} autres (voir les données)</li>}
        </ul>
      )}
    </div>
  );
}

function Result({ data, url }: { data: EvolutionData; url: string }) {
  const kinds = useMemo(() => DYNAMIC_KINDS.filter((k) => data.solde[k] !== undefined), [data]);
  const labels = useMemo(() => kinds.map((k) => DYNAMIC_KIND_LABELS[k]), [kinds]);
  const values = useMemo(() => kinds.map((k) => data.solde[k] ?? 0), [kinds, data]);
  const period = `du ${formatDateLong(data.depuis)} au ${formatDateLong(data.jusqua)}`;
  const title = `Solde des dynamiques en cours par type, ${period}`;
  return (
    <>
      {kinds.length === 0 ? (
        <Empty>Aucune dynamique sur cette période.</Empty>
      ) : (
        <>
          <Suspense fallback={<Loading label="Chargement du graphique…" />}>
            <BarChart
              labels={labels}
              values={values}
              title={title}
              format={signed}
              description={`Diagramme en barres : ${title.toLowerCase()} ; valeurs dans le tableau qui suit.`}
              fileName={`evolution-${data.depuis}-${data.jusqua}`}
            />
          </Suspense>
          <Table bordered className="u-mt-3">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="odts-num">
                  Solde
                </th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k, i) => (
                <tr key={k}>
                  <th scope="row">{labels[i]}</th>
                  <td className="odts-num">{signed(values[i] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      <div className="u-grid u-grid--gutters u-mt-2">
        <ItemList title="Créées" items={data.creees} />
        <ItemList title="Arrêtées" items={data.arretees} />
        <ItemList title="Statut inconnu à l’une des deux dates" items={data.inconnues} />
      </div>
      <h3 className="u-h6 u-mt-2">Changements de statut ou de coordination ({data.changements.length})</h3>
      {data.changements.length === 0 ? (
        <p className="odts-empty u-my-1">Aucun.</p>
      ) : (
        <ul>
          {data.changements.slice(0, 100).map((c) => (
            <li key={`${c.id}:${c.nature}`}>
              <Link href={`/dynamiques/${encodeURIComponent(c.id)}`}>{c.nom}</Link> : {statusWord(c.avant)} →{' '}
              {statusWord(c.apres)}
            </li>
          ))}
        </ul>
      )}
      <DataDownloads url={url} what={`évolution ${period}`} />
    </>
  );
}

/** Status codes of a change in words; coordination changes are already words. */
function statusWord(value: string): string {
  return (STATUS_LABELS as Record<string, string>)[value] ?? value;
}

function yearBefore(iso: string): string {
  return `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/** What changed between two dates: created, stopped, status and coordination changes, net per kind. */
export function Evolution({ scope }: { scope: AnalysisScope }) {
  const until = scope.date ?? todayIso();
  const [draft, setDraft] = useState({ depuis: yearBefore(until), jusqua: until });
  const [params, setParams] = useState(draft);
  const url = `/api/analyses/evolution${query({ ...params, ...scopeParams(scope), date: undefined })}`;
  const state = useApi<EvolutionData>(url);
  return (
    <section aria-labelledby="evolution" className="u-mt-6">
      <h2 id="evolution">Évolution entre deux dates</h2>
      <form
        className="odts-filters u-grid u-grid--gutters"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft);
        }}
      >
        <div className="u-col-12 u-col-md-4">
          <Input
            label="Depuis le"
            nativeInputProps={{
              type: 'date',
              value: draft.depuis,
              onChange: (e) => setDraft({ ...draft, depuis: e.target.value }),
            }}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Input
            label="Jusqu’au"
            nativeInputProps={{
              type: 'date',
              value: draft.jusqua,
              onChange: (e) => setDraft({ ...draft, jusqua: e.target.value }),
            }}
          />
        </div>
        <div className="u-col-12 u-col-md-4 odts-align-end">
          <Button type="submit">Comparer</Button>
        </div>
      </form>
      <Async state={state} label="Calcul de l’évolution…">
        {(data) => <Result data={data} url={url} />}
      </Async>
    </section>
  );
}
