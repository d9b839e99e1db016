import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind, type Status } from '@domain/registry/kinds.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Checkbox, Select, Table } from '../../ui/index.ts';
import { KIND_COLORS } from './kind-colors.ts';
import type { PickedFeature } from './MapView.tsx';
import { QPV_COLOR, SHARE_STOPS } from './map-style.ts';

export function KindSelect({ kind, onChange }: { kind: DynamicKind; onChange: (k: DynamicKind) => void }) {
  return (
    <Select
      label="Couverture par type"
      hint="Part de la population couverte, par département"
      nativeSelectProps={{ value: kind, onChange: (e) => onChange(e.target.value as DynamicKind) }}
    >
      {DYNAMIC_KINDS.map((k) => (
        <option key={k} value={k}>
          {DYNAMIC_KIND_LABELS[k]}
        </option>
      ))}
    </Select>
  );
}

export function ShareLegend() {
  return (
    <ul className="odts-legend u-mb-3" aria-label="Légende : part de la population couverte">
      {SHARE_STOPS.map(([share, color]) => (
        <li key={share}>
          <span className="odts-swatch" style={{ background: color }} aria-hidden="true" />
          {formatPercent(share)}
        </li>
      ))}
    </ul>
  );
}

export function Layers({
  counts,
  visible,
  toggle,
}: {
  counts: Map<DynamicKind, number>;
  visible: ReadonlySet<DynamicKind>;
  toggle: (k: DynamicKind) => void;
}) {
  const kinds = DYNAMIC_KINDS.filter((k) => counts.has(k));
  if (kinds.length === 0) return <p>Aucune dynamique dans ce département à cette date.</p>;
  return (
    <Checkbox
      legend="Couches par type"
      small
      options={kinds.map((k) => ({
        label: (
          <>
            <span className="odts-swatch u-mr-1" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
            <span className="odts-legend-text">
              {DYNAMIC_KIND_LABELS[k]} ({formatInteger(counts.get(k) ?? 0)})
            </span>
          </>
        ),
        nativeInputProps: { id: `couche-${k}`, checked: visible.has(k), onChange: () => toggle(k) },
      }))}
    />
  );
}

/** Toggle of the QPV layer, with the number of quartiers of the open département. */
export function QpvLayer({
  count,
  shown,
  toggle,
}: {
  count: number | null;
  shown: boolean;
  toggle: () => void;
}) {
  if (count === null) return null;
  if (count === 0) return <p className="u-text-sm">Aucun quartier prioritaire dans ce département.</p>;
  return (
    <Checkbox
      legend="Politique de la ville"
      small
      options={[
        {
          label: (
            <>
              <span
                className="odts-swatch odts-swatch--qpv u-mr-1"
                style={{ borderColor: QPV_COLOR }}
                aria-hidden="true"
              />
              <span className="odts-legend-text">
                Communes comptant un quartier prioritaire ({formatInteger(count)} QPV)
              </span>
            </>
          ),
          nativeInputProps: { id: 'couche-qpv', checked: shown, onChange: toggle },
        },
      ]}
    />
  );
}

export function Picked({ items }: { items: PickedFeature[] | null }) {
  return (
    <section aria-labelledby="selection" aria-live="polite">
      <h2 id="selection" className="u-h6">
        À l’endroit choisi
      </h2>
      {items === null ? (
        <p className="u-text-sm">Cliquez sur un périmètre coloré pour voir ses dynamiques.</p>
      ) : items.length === 0 ? (
        <p>Aucune dynamique à cet endroit.</p>
      ) : (
        <ul>
          {items.map((d) => (
            <li key={d.id}>
              <Link href={`/dynamiques/${d.id}`}>{d.nom}</Link>{' '}
              <StatusBadge statut={d.statut as Status | null} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The choropleth as a table, for those who do not see the map. */
export function SharesTable({
  rows,
  kind,
}: {
  rows: { code: string; nom: string; part: number }[];
  kind: DynamicKind;
}) {
  return (
    <details className="u-mt-3">
      <summary>Tableau des données de la carte</summary>
      <Table bordered className="u-mt-2">
        <caption>Part de la population couverte par : {DYNAMIC_KIND_LABELS[kind].toLowerCase()}</caption>
        <thead>
          <tr>
            <th scope="col">Département</th>
            <th scope="col" className="odts-num">
              Population couverte
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <Link href={`/territoires/departement/${r.code}`}>
                  {r.nom} ({r.code})
                </Link>
              </th>
              <td className="odts-num">{formatPercent(r.part)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}
