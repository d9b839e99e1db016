import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS } from '@domain/registry/kinds.ts';
import type { Profile } from '../../api/types.ts';
import { Empty } from '../../components/StateViews.tsx';
import { count, formatDateLong, formatInteger, formatPercent } from '../../lib/format.ts';
import { Table } from '../../ui/index.ts';

/** The quartiers prioritaires of the territory: how many, their population where known, and coverage. */
export function QpvFigures({ profile }: { profile: Profile }) {
  const q = profile.qpv;
  if (q.nombre === 0) return <Empty>Aucun quartier prioritaire sur ce territoire.</Empty>;
  const known = q.population !== null;
  const rows = DYNAMIC_KINDS.flatMap((k) => {
    const c = q.couverture[k];
    return c && c.qpv > 0 ? [[k, c] as const] : [];
  });
  return (
    <>
      <p>
        {count(q.nombre, 'quartier prioritaire', 'quartiers prioritaires')} (génération 2024)
        {known
          ? ` : ${formatInteger(q.population ?? 0)} habitants${
              q.populationConnue < q.nombre
                ? ` pour les ${formatInteger(q.populationConnue)} dont la population est connue`
                : ''
            }.`
          : ' ; population non renseignée dans le référentiel.'}
      </p>
      {rows.length === 0 ? (
        <Empty>
          Aucun quartier prioritaire n’est couvert par une dynamique au {formatDateLong(profile.date)}.
        </Empty>
      ) : (
        <Table noCaption>
          <caption>Quartiers prioritaires couverts par type de dynamique</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="odts-num">
                QPV couverts
              </th>
              <th scope="col" className="odts-num">
                Part des QPV
              </th>
              {known && (
                <th scope="col" className="odts-num">
                  Part de leur population
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, c]) => (
              <tr key={k}>
                <th scope="row">{DYNAMIC_KIND_LABELS[k]}</th>
                <td className="odts-num">{formatInteger(c.qpv)}</td>
                <td className="odts-num">{formatPercent(c.part)}</td>
                {known && (
                  <td className="odts-num">
                    {c.population === null || !q.population
                      ? '–'
                      : formatPercent(c.population / q.population)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="u-text-sm">
        Un quartier compte comme couvert lorsqu’une de ses communes fait partie du périmètre d’une dynamique
        en cours du type : une borne haute là où une commune accueille plusieurs quartiers.
      </p>
    </>
  );
}
