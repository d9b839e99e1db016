import { Select } from '@codegouvfr/react-dsfr/Select';
import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind, type Status } from '@domain/registry/kinds.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
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
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-text--md">Colorer par</legend>
      {offered.map((m) => (
        <div key={m} className="fr-fieldset__element fr-fieldset__element--inline">
          <div className="fr-radio-group fr-radio-group--sm">
            <input
              type="radio"
              id={`maille-${m}`}
              name="maille"
              checked={maille === m}
              onChange={() => onChange(m)}
            />
            <label className="fr-label" htmlFor={`maille-${m}`}>
              {MAILLE_LABELS[m].many}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
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
    <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w">
      <input id="couche-qpv" type="checkbox" checked={shown} onChange={toggle} />
      <label className="fr-label" htmlFor="couche-qpv">
        <span className="odts-swatch odts-swatch--qpv fr-mr-1w" aria-hidden="true" />
        <span className="odts-legend-text">
          Quartiers prioritaires{count === null ? '' : ` (${formatInteger(count)})`}
        </span>
        {fromCommunes && (
          <span className="fr-hint-text">
            Contour des communes qui les accueillent : les périmètres des quartiers ne sont pas chargés
          </span>
        )}
      </label>
    </div>
  );
}

export function ShareLegend() {
  return (
    <ul className="odts-legend fr-mb-3w" aria-label="Légende : part de la population couverte">
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
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-text--md">Couches par type</legend>
      {kinds.map((k) => (
        <div key={k} className="fr-fieldset__element">
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input id={`couche-${k}`} type="checkbox" checked={visible.has(k)} onChange={() => toggle(k)} />
            <label className="fr-label" htmlFor={`couche-${k}`}>
              <span
                className="odts-swatch fr-mr-1w"
                style={{ background: KIND_COLORS[k] }}
                aria-hidden="true"
              />
              <span className="odts-legend-text">
                {DYNAMIC_KIND_LABELS[k]} ({formatInteger(counts.get(k) ?? 0)})
              </span>
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function Picked({ items }: { items: PickedFeature[] | null }) {
  return (
    <section aria-labelledby="selection" aria-live="polite">
      <h2 id="selection" className="fr-h6">
        À l’endroit choisi
      </h2>
      {items === null ? (
        <p className="fr-text--sm">Cliquez sur un périmètre coloré pour voir ses dynamiques.</p>
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
    <details className="fr-mt-3w">
      <summary>Tableau des données de la carte</summary>
      <div className="fr-table fr-table--bordered odts-table-wrap fr-mt-2w">
        <table>
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
                    <button
                      type="button"
                      className="fr-link fr-text--sm"
                      aria-label={`Ouvrir ${r.nom} sur la carte`}
                      onClick={() => onOpen(r.code)}
                    >
                      Ouvrir
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
