import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { KIND_SHORT } from '@domain/reports/french.ts';
import { query } from '../../api/client.ts';
import type { Counts } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { formatDateLong, formatInteger } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Table as DataTable } from '../../ui/index.ts';
import { DataDownloads } from './DataDownloads.tsx';
import { type AnalysisScope, scopeParams } from './scope.ts';

interface Row {
  code: string;
  nom: string;
  byKind: Map<DynamicKind, number>;
  total: number;
  /** Counted apart, all kinds together: past their end date, and of unknown status at the date. */
  echue: number;
  inconnu: number;
}

/** Région × kind, dynamics running at the date; échue and unknown ones in columns of their own. */
function pivot(counts: Counts): { kinds: DynamicKind[]; rows: Row[] } {
  const rows = new Map<string, Row>();
  const kinds = new Set<DynamicKind>();
  for (const item of counts.items) {
    if (item.statut === 'arrete') continue;
    const key = item.territoire.code;
    const row = rows.get(key) ?? {
      code: key,
      nom: item.territoire.nom,
      byKind: new Map(),
      total: 0,
      echue: 0,
      inconnu: 0,
    };
    rows.set(key, row);
    if (item.statut === 'echue' || item.statut === 'inconnu') {
      row[item.statut] += item.nombre;
      continue;
    }
    row.byKind.set(item.type, (row.byKind.get(item.type) ?? 0) + item.nombre);
    row.total += item.nombre;
    kinds.add(item.type);
  }
  return {
    kinds: DYNAMIC_KINDS.filter((k) => kinds.has(k)),
    rows: [...rows.values()].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
  };
}

function Table({ counts, level }: { counts: Counts; level: 'region' | 'departement' }) {
  const { kinds, rows } = pivot(counts);
  if (rows.length === 0) return <Empty>Aucune dynamique en cours à cette date.</Empty>;
  return (
    <DataTable bordered>
      <caption>
        Dynamiques en projet, actives ou suspendues au {formatDateLong(counts.date)}, par{' '}
        {level === 'region' ? 'région' : 'département'} ; à part, les dynamiques échues (date de fin passée
        sans renouvellement) et celles dont le statut n’était pas encore observé à cette date
      </caption>
      <thead>
        <tr>
          <th scope="col">{level === 'region' ? 'Région' : 'Département'}</th>
          {kinds.map((k) => (
            <th key={k} scope="col" className="odts-num">
              <abbr title={DYNAMIC_KIND_LABELS[k]}>{KIND_SHORT[k]}</abbr>
            </th>
          ))}
          <th scope="col" className="odts-num">
            Total
          </th>
          <th scope="col" className="odts-num">
            Échues
          </th>
          <th scope="col" className="odts-num">
            Statut inconnu
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              <Link href={`/territoires/${level}/${r.code}`}>{r.nom}</Link>
            </th>
            {kinds.map((k) => (
              <td key={k} className="odts-num">
                {formatInteger(r.byKind.get(k) ?? 0)}
              </td>
            ))}
            <td className="odts-num u-bold">{formatInteger(r.total)}</td>
            <td className="odts-num">{formatInteger(r.echue)}</td>
            <td className="odts-num">{formatInteger(r.inconnu)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function CountsSection({ scope }: { scope: AnalysisScope }) {
  // France by région; a région or a département by département.
  const level = scope.region || scope.departement || scope.epci || scope.commune ? 'departement' : 'region';
  const url = `/api/analyses/comptages${query({ niveau: level, ...scopeParams(scope) })}`;
  const counts = useApi<Counts>(url);
  const noun = level === 'region' ? 'région' : 'département';
  return (
    <section aria-labelledby="comptages" className="u-mt-4">
      <h2 id="comptages">Comptages par {noun}</h2>
      <p>
        Une dynamique couvrant plusieurs {noun}s est comptée dans chacun{level === 'region' ? 'e' : ''}.
      </p>
      <Async state={counts} label="Chargement des comptages…">
        {(c) => <Table counts={c} level={level} />}
      </Async>
      <DataDownloads url={url} what={`comptages par ${noun}`} />
    </section>
  );
}
