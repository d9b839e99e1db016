import type { GridAnalysisOut } from '@domain/actions/responses.ts';
import { FUNDER_TYPE_LABELS, type FunderType, SCALE_LABELS, type Scale } from '@domain/actions/vocabulary.ts';
import { count, formatPercent } from '../../lib/format.ts';
import { Table } from '../../ui/index.ts';

const years = (y: number | null) => (y === null ? '—' : `${y.toLocaleString('fr-FR')} ans`);

/** A share drawn as a bar beside its figure; the figure is the text read out, the bar is decoration. */
function Bar({ share }: { share: number }) {
  return (
    <svg width="120" height="12" aria-hidden="true" className="odts-bar">
      <rect x="0" y="1" width="120" height="10" fill="var(--odts-border, #ddd)" />
      <rect x="0" y="1" width={Math.round(share * 120)} height="10" fill="var(--odts-accent, #000091)" />
    </svg>
  );
}

function ShareRow({ label, share }: { label: string; share: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatPercent(share)}</td>
      <td>
        <Bar share={share} />
      </td>
    </tr>
  );
}

/** The figures of the 2018 survey's grid over the actions found, as tables with bars. */
export function GridSummary({ r }: { r: GridAnalysisOut }) {
  if (r.total === 0) return <p>Aucune action : pas de chiffres à calculer.</p>;
  const funders = r.financeurs.filter((f) => f.mentions > 0);
  return (
    <div className="u-grid u-grid--gutters">
      <div className="u-col-12 u-col-md-6">
        <Table bordered>
          <caption>Territoires et partenariats ({count(r.total, 'action')})</caption>
          <thead>
            <tr>
              <th scope="col">Part des actions</th>
              <th scope="col">Valeur</th>
              <th scope="col">
                <span className="u-sr-only">Graphique</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <ShareRow label="En territoire urbain" share={r.partUrbain} />
            <ShareRow label="En territoire rural" share={r.partRural} />
            <ShareRow label="En quartier prioritaire" share={r.partQpv} />
            {(Object.keys(SCALE_LABELS) as Scale[]).map((s) => (
              <ShareRow
                key={s}
                label={`À l’échelle : ${SCALE_LABELS[s].toLowerCase()}`}
                share={r.parEchelle[s] ?? 0}
              />
            ))}
            {Object.entries(r.parDispositif).map(([kind, d]) => (
              <ShareRow key={kind} label={`Impliquant un ${kind}`} share={d.part} />
            ))}
            <ShareRow label="Impliquant la ville" share={r.partVille} />
            <ShareRow label="Liées à d’autres politiques publiques" share={r.politiquesLiees.part} />
          </tbody>
        </Table>
      </div>
      <div className="u-col-12 u-col-md-6">
        <Table bordered>
          <caption>Financements ({formatPercent(r.partMultiFinancees)} des actions multi-financées)</caption>
          <thead>
            <tr>
              <th scope="col">Financeur</th>
              <th scope="col">Part des mentions</th>
              <th scope="col">Part des actions financées</th>
            </tr>
          </thead>
          <tbody>
            {funders.map((f) => (
              <tr key={f.type}>
                <th scope="row">{FUNDER_TYPE_LABELS[f.type as FunderType] ?? f.type}</th>
                <td>{formatPercent(f.partMentions)}</td>
                <td>
                  {formatPercent(f.partActions)} <Bar share={f.partActions} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        {r.pairesFinanceurs[0] && (
          <p>
            Couple de financeurs le plus fréquent :{' '}
            {r.pairesFinanceurs[0].types.map((t) => FUNDER_TYPE_LABELS[t as FunderType] ?? t).join(' / ')} (
            {formatPercent(r.pairesFinanceurs[0].part)} des actions).
          </p>
        )}
        <p>
          Durée ({count(r.duree.nombre, 'action datée', 'actions datées')}) : moyenne {years(r.duree.moyenne)}
          , médiane {years(r.duree.mediane)}, de {years(r.duree.min)} à {years(r.duree.max)}.
        </p>
      </div>
    </div>
  );
}
