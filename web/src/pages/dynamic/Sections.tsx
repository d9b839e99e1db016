import { EVENT_DEFAULT_STATUS } from '@domain/registry/kinds.ts';
import type { Dynamic } from '../../api/types.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { Empty } from '../../components/StateViews.tsx';
import { formatDateLong, formatDateShort } from '../../lib/format.ts';
import { EVENT_LABELS } from '../../lib/labels.ts';
import { Table } from '../../ui/index.ts';

export function Timeline({ dynamic }: { dynamic: Dynamic }) {
  return (
    <section aria-labelledby="chronologie" className="u-mt-4">
      <h2 id="chronologie">Chronologie</h2>
      {dynamic.evenements.length === 0 ? (
        <Empty>Aucun événement daté n’est enregistré.</Empty>
      ) : (
        <ol className="odts-timeline">
          {dynamic.evenements.map((e, i) => {
            const statut = e.statut ?? EVENT_DEFAULT_STATUS[e.type] ?? null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no identifier; their order is fixed.
              <li key={i}>
                <p className="u-mb-0">
                  <time dateTime={e.date} className="u-bold">
                    {formatDateLong(e.date)}
                  </time>{' '}
                  — {EVENT_LABELS[e.type]} {statut && <StatusBadge statut={statut} />}
                </p>
                {e.note && <p className="u-text-sm u-mb-0">{e.note}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function Coordination({ dynamic }: { dynamic: Dynamic }) {
  return (
    <section aria-labelledby="coordination" className="u-mt-4">
      <h2 id="coordination">Coordination</h2>
      {dynamic.coordination.length === 0 ? (
        <Empty>Aucun poste de coordination n’est enregistré.</Empty>
      ) : (
        <Table bordered={false} noCaption>
          <caption>Postes de coordination</caption>
          <thead>
            <tr>
              <th scope="col">Intitulé</th>
              <th scope="col" className="odts-num">
                ETP
              </th>
              <th scope="col">Financeurs</th>
              <th scope="col">Période</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {dynamic.coordination.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: posts have no identifier; their order is fixed.
              <tr key={i}>
                <th scope="row">{c.intitule}</th>
                <td className="odts-num">{c.etp ?? '—'}</td>
                <td>{c.financeurs.length > 0 ? c.financeurs.join(', ') : '—'}</td>
                <td>
                  {c.debut || c.fin
                    ? `${formatDateShort(c.debut)} → ${c.fin ? formatDateShort(c.fin) : 'en cours'}`
                    : '—'}
                </td>
                <td>{c.vacant ? 'Poste vacant' : 'Pourvu'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function Sources({ dynamic }: { dynamic: Dynamic }) {
  return (
    <section aria-labelledby="sources" className="u-mt-4">
      <h2 id="sources">Sources</h2>
      {dynamic.sources.length === 0 ? (
        <Empty>Aucune source n’est citée.</Empty>
      ) : (
        <ul>
          {dynamic.sources.map((s) => (
            <li key={`${s.titre}${s.url ?? ''}`}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noreferrer" title={`${s.titre} — nouvelle fenêtre`}>
                  {s.titre}
                </a>
              ) : (
                s.titre
              )}
              {s.passage && <span className="u-text-sm"> — {s.passage}</span>}
              {s.consulte && <span className="u-text-sm"> (consulté le {formatDateShort(s.consulte)})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
