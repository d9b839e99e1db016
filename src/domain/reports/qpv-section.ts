import type { QpvFigures } from '../analytics/qpv-coverage.ts';
import type { DynamicKind } from '../registry/kinds.ts';
import type { KeyFigure, ReportBlock } from './document.ts';
import { formatDateLong, formatInteger, formatPercent, KIND_SHORT } from './french.ts';

/** Kinds whose reach of the quartiers the report states, in this order. */
const QPV_KINDS: DynamicKind[] = ['CONTRAT_VILLE', 'ASV', 'CLS', 'CLSM', 'CPTS', 'MSP', 'CDS'];

/** Key figure "QPV" of the état des lieux; null when the QPV layer gives none on this territory. */
export function qpvKeyFigure(qpv: QpvFigures | undefined): KeyFigure | null {
  if (!qpv || qpv.nombre === 0) return null;
  const cv = qpv.couverture.CONTRAT_VILLE;
  return {
    valeur: formatInteger(qpv.nombre),
    libelle: qpv.nombre > 1 ? 'quartiers prioritaires' : 'quartier prioritaire',
    ...(cv ? { detail: `${formatPercent(cv.part)} dans une commune sous contrat de ville` } : {}),
  };
}

/** The "Quartiers prioritaires" section: how many, their known population, and the reach of each kind. */
export function qpvBlocks(qpv: QpvFigures | undefined, date: string): ReportBlock[] {
  if (!qpv)
    return [
      {
        kind: 'paragraph',
        text: 'La couche des quartiers prioritaires n’est pas chargée sur cette instance.',
      },
    ];
  if (qpv.nombre === 0)
    return [
      {
        kind: 'paragraph',
        text: 'Aucun quartier prioritaire de la politique de la ville sur ce territoire.',
      },
    ];
  const population =
    qpv.population === null
      ? 'La source chargée ne donne pas leur population.'
      : qpv.populationConnue === qpv.nombre
        ? `Ils comptent ${formatInteger(qpv.population)} habitants.`
        : `Les ${formatInteger(qpv.populationConnue)} dont la population est connue comptent ` +
          `${formatInteger(qpv.population)} habitants.`;
  const kinds = QPV_KINDS.filter((k) => qpv.couverture[k]);
  return [
    {
      kind: 'paragraph',
      text: `${formatInteger(qpv.nombre)} ${qpv.nombre > 1 ? 'quartiers prioritaires' : 'quartier prioritaire'} de la politique de la ville (génération la plus récente chargée). ${population}`,
    },
    {
      kind: 'table',
      table: {
        legende: `Quartiers prioritaires dans une commune couverte, par type de dynamique, au ${formatDateLong(date)}`,
        colonnes: [
          { libelle: 'Type de dynamique', nowrap: true },
          { libelle: 'QPV', align: 'right' },
          { libelle: 'Part des QPV', align: 'right' },
          { libelle: 'Population de ces QPV', align: 'right' },
        ],
        lignes: kinds.map((k) => {
          const c = qpv.couverture[k] as QpvFigures['couverture'][string];
          return [
            KIND_SHORT[k],
            formatInteger(c.qpv),
            formatPercent(c.part),
            c.population === null ? '–' : formatInteger(c.population),
          ];
        }),
        note:
          'Un quartier est compté quand au moins une de ses communes est dans le périmètre d’une dynamique ' +
          'en cours du type : le registre décrit les périmètres par communes, le chiffre est donc un maximum.',
      },
    },
  ];
}
