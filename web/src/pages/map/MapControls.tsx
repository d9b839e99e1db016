import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind, type Status } from '@domain/registry/kinds.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Checkbox, RadioGroup, Select, Table } from '../../ui/index.ts';
import { KIND_COLORS } from './kind-colors.ts';
import type { PickedFeature } from './MapView.tsx';
import { SHARE_STOPS } from './map-style.ts';
import type { Maille } from './urls.ts';

export const MAILLE_LABELS: Record<Maille, { one: string; many: string }> = {
  region: { one: 'Région', many: 'régions' },
  departement: { one: 'Département', many: 'départements' },
  epci: { one: 'EPCI', many: 'EPCI' },
  commune: { one: 'Commune', many: 'communes' },
};

export function KindSelect({
  kind,
  maille,
  onChange,
}: {
  kind: DynamicKind;
  maille: Maille;
  onChange: (k: DynamicKind) => void;
}) {
  return (
    <Select
      label="Couverture par type"
      hint={`Part de la population couverte, par ${MAILLE_LABELS[maille].one.toLowerCase()}`}
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

/** The mesh coloured, among those of the current level (radio buttons: one at a time). */
export function MailleChoice({
  offered,
  maille,
  onChange,
}: {
  offered: readonly Maille[];
  maille: Maille;
  onChange: (m: Maille) => void;
}) {
  if (offered.length < 2) return null;
  return (
    <RadioGroup
      legend="Colorer par"
      name="maille"
      orientation="horizontal"
      small
      options={offered.map((m) => ({
        label: MAILLE_LABELS[m].many,
        nativeInputProps: { id: `maille-${m}`, checked: maille === m, onChange: () => onChange(m) },
      }))}
    />
  );
}

/** The QPV outline layer's entry in the legend, with its toggle. */
export function QpvToggle({
  count,
  fromCommunes,
  shown,
  toggle,
}: {
  count: number | null;
  fromCommunes: boolean;
  shown: boolean;
  toggle: () => void;
}) {
  return (
    <Checkbox
      className="u-mb-2"
      small
      options={[
        {
          label: (
            <>
              <span className="odts-swatch odts-swatch--qpv u-mr-1" aria-hidden="true" />
              <span className="odts-legend-text">
                Quartiers prioritaires{count === null ? '' : ` (${formatInteger(count)})`}
              </span>
            </>
          ),
          hintText: fromCommunes
            ? 'Contour des communes qui les accueillent : les périmètres des quartiers ne sont pas chargés'
            : undefined,
          nativeInputProps: { id: 'couche-qpv', checked: shown, onChange: toggle },
        },
      ]}
    />
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
  maille,
  onOpen,
}: {
  rows: { code: string; nom: string; part: number }[];
  kind: DynamicKind;
  maille: Maille;
  /** Opens a row's territory on the map (régions and départements). */
  onOpen?: ((code: string) => void) | undefined;
}) {
  return (
    <details className="u-mt-3">
      <summary>Tableau des données de la carte</summary>
      <Table bordered className="u-mt-2">
        <caption>Part de la population couverte par : {DYNAMIC_KIND_LABELS[kind].toLowerCase()}</caption>
        <thead>
          <tr>
            <th scope="col">{MAILLE_LABELS[maille].one}</th>
            <th scope="col" className="odts-num">
              Population couverte
            </th>
            {onOpen && <th scope="col">Carte</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <Link href={`/territoires/${maille}/${r.code}`}>
                  {r.nom} ({r.code})
                </Link>
              </th>
              <td className="odts-num">{formatPercent(r.part)}</td>
              {onOpen && (
                <td>
                  <Button
                    priority="tertiary-no-outline"
                    size="small"
                    nativeButtonProps={{ 'aria-label': `Ouvrir ${r.nom} sur la carte` }}
                    onClick={() => onOpen(r.code)}
                  >
                    Ouvrir
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}
