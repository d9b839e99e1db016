import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { kindCount } from '@domain/reports/french.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { query } from '../../api/client.ts';
import type { Configurations as ConfigurationsData } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Loading } from '../../components/StateViews.tsx';
import { formatDateLong, formatInteger } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Checkbox, Select, Table } from '../../ui/index.ts';
import { DataDownloads } from './DataDownloads.tsx';
import { type AnalysisScope, scopeParams } from './scope.ts';

const BarChart = lazy(() => import('./BarChart.tsx'));

interface Params {
  base: DynamicKind;
  avec: DynamicKind[];
}

const DEFAULT: Params = { base: 'CONTRAT_VILLE', avec: ['ASV', 'CLS', 'CLSM'] };

function Result({ data, dataUrl }: { data: ConfigurationsData; dataUrl: string }) {
  const labels = useMemo(() => data.configurations.map((c) => c.libelle), [data]);
  const values = useMemo(() => data.configurations.map((c) => c.nombre), [data]);
  return (
    <>
      <p>
        {kindCount(data.base, data.total)} au {formatDateLong(data.date)}, selon les dispositifs présents sur
        leur territoire.
        {data.aPart.echue.length + data.aPart.inconnu.length > 0 &&
          ` Hors matrice : ${formatInteger(data.aPart.echue.length)} échue(s) (date de fin passée sans renouvellement) et ${formatInteger(data.aPart.inconnu.length)} au statut inconnu à cette date.`}
      </p>
      <Suspense fallback={<Loading label="Chargement du graphique…" />}>
        <BarChart
          labels={labels}
          values={values}
          description={`Diagramme en barres : nombre de ${DYNAMIC_KIND_LABELS[data.base].toLowerCase()} par configuration ; valeurs détaillées dans le tableau qui suit.`}
          fileName={`configurations-${data.base.toLowerCase()}-${data.date}`}
          title={`Configurations des ${DYNAMIC_KIND_LABELS[data.base].toLowerCase()} au ${formatDateLong(data.date)}`}
        />
      </Suspense>
      <Table bordered className="u-mt-3">
        <caption>Configurations et nombre de dynamiques</caption>
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            <th scope="col" className="odts-num">
              Nombre
            </th>
            <th scope="col">Dynamiques</th>
          </tr>
        </thead>
        <tbody>
          {data.configurations.map((c) => (
            <tr key={c.libelle}>
              <th scope="row">{c.libelle}</th>
              <td className="odts-num">{formatInteger(c.nombre)}</td>
              <td>
                {c.dynamiques.length > 0 && (
                  <details>
                    <summary>
                      Voir les {formatInteger(c.dynamiques.length)} ({c.libelle})
                    </summary>
                    <ul className="u-my-0">
                      {c.dynamiques.map((id) => (
                        <li key={id}>
                          <Link href={`/dynamiques/${encodeURIComponent(id)}`}>{data.noms[id] ?? id}</Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <DataDownloads url={dataUrl} what="matrice de configurations" />
    </>
  );
}

/** The configuration matrix: for each dynamic of a base kind, which other kinds share its territory. */
export function Configurations({ scope }: { scope: AnalysisScope }) {
  const [draft, setDraft] = useState<Params>(DEFAULT);
  const [params, setParams] = useState<Params>(DEFAULT);
  const dataUrl = `/api/analyses/configurations${query({ base: params.base, avec: params.avec.join(','), ...scopeParams(scope) })}`;
  const state = useApi<ConfigurationsData>(dataUrl);
  const toggle = (k: DynamicKind, on: boolean) =>
    setDraft((d) => ({ ...d, avec: on ? [...d.avec, k] : d.avec.filter((x) => x !== k) }));
  const tooMany = draft.avec.length < 1 || draft.avec.length > 6;
  return (
    <section aria-labelledby="configurations" className="u-mt-6">
      <h2 id="configurations">Matrice de configurations</h2>
      <form
        className="odts-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooMany) setParams(draft);
        }}
      >
        <Select
          label="Dynamiques de base"
          nativeSelectProps={{
            value: draft.base,
            onChange: (e) =>
              setDraft({
                base: e.target.value as DynamicKind,
                avec: draft.avec.filter((k) => k !== e.target.value),
              }),
          }}
        >
          {DYNAMIC_KINDS.map((k) => (
            <option key={k} value={k}>
              {DYNAMIC_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Checkbox
          legend="Dispositifs croisés (de 1 à 6)"
          orientation="horizontal"
          state={tooMany ? 'error' : 'default'}
          stateRelatedMessage={tooMany ? 'Choisissez de 1 à 6 types' : undefined}
          options={DYNAMIC_KINDS.filter((k) => k !== draft.base).map((k) => ({
            label: k === 'CONTRAT_VILLE' ? 'CV' : k === 'MEDIATION_SANTE' ? 'Médiation santé' : k,
            nativeInputProps: {
              value: k,
              checked: draft.avec.includes(k),
              onChange: (e) => toggle(k, e.target.checked),
              title: DYNAMIC_KIND_LABELS[k],
            },
          }))}
        />
        <Button type="submit" disabled={tooMany}>
          Afficher
        </Button>
      </form>
      <Async state={state} label="Calcul des configurations…">
        {(data) => <Result data={data} dataUrl={dataUrl} />}
      </Async>
    </section>
  );
}
