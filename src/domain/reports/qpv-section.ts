import type { QpvFigures } from '../analytics/qpv-coverage.ts';
import { DYNAMIC_KIND_LABELS, type DynamicKind } from '../registry/kinds.ts';
import type { ReportBlock } from './document.ts';
import { formatDateLong, formatInteger, formatPercent } from './french.ts';

/** Kinds whose presence in the quartiers the 2018 surveys looked at, in this order. */
const QPV_KINDS: DynamicKind[] = ['CONTRAT_VILLE', 'ASV', 'CLS', 'CLSM', 'CPTS', 'MEDIATION_SANTE', 'PLSP'];

/** The "quartiers prioritaires" section: how many QPV, their population where known, and coverage. */
export function qpvBlocks(qpv: QpvFigures, date: string): ReportBlock[] {
  if (qpv.nombre === 0)
    return [
      {
        kind: 'paragraph',
        text: 'Aucun quartier prioritaire de la politique de la ville sur ce territoire.',
      },
    ];
  const withPopulation = qpv.population !== null;
  const population = withPopulation
    ? `${formatInteger(qpv.population ?? 0)} habitants pour les ${formatInteger(qpv.populationConnue)} dont la population est connue`
    : 'population non renseignée dans le référentiel';
  return [
    {
      kind: 'paragraph',
      text: `${formatInteger(qpv.nombre)} ${qpv.nombre > 1 ? 'quartiers prioritaires' : 'quartier prioritaire'} (génération 2024) : ${population}.`,
    },
    {
      kind: 'table',
      table: {
        legende: `Quartiers prioritaires couverts par type de dynamique au ${formatDateLong(date)}`,
        colonnes: [
          { libelle: 'Type de dynamique' },
          { libelle: 'QPV couverts', align: 'right' },
          { libelle: 'Part des QPV', align: 'right' },
          ...(withPopulation ? [{ libelle: 'Population couverte', align: 'right' as const }] : []),
        ],
        lignes: QPV_KINDS.map((k) => {
          const c = qpv.couverture[k];
          return [
            DYNAMIC_KIND_LABELS[k],
            formatInteger(c?.nombre ?? 0),
            formatPercent(c?.part ?? 0),
            ...(withPopulation ? [c?.partPopulation == null ? '–' : formatPercent(c.partPopulation)] : []),
          ];
        }),
        note:
          'Un quartier est couvert lorsque chacune de ses communes fait partie du périmètre d’une dynamique ' +
          'en cours du type. Liste des quartiers : ANCT, 2024.',
      },
    },
  ];
}
