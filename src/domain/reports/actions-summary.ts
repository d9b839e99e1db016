import type { GridAnalysisOut } from '../actions/responses.ts';
import {
  FUNDER_TYPE_LABELS,
  type FunderType,
  POLICY_LABELS,
  type Policy,
  SCALE_LABELS,
  type Scale,
  SETTING_LABELS,
  type Setting,
} from '../actions/vocabulary.ts';
import type { ReportBlock, ReportDocument, ReportSection, ReportTable } from './document.ts';
import { formatInteger, formatPercent, KIND_SHORT, plural } from './french.ts';

const years = (y: number | null) =>
  y === null ? '—' : `${y.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} an${y >= 2 ? 's' : ''}`;

function sharesTable(legende: string, rows: [string, number][], colonne = 'Part des actions'): ReportTable {
  return {
    legende,
    colonnes: [{ libelle: 'Valeur' }, { libelle: colonne, align: 'right' }],
    lignes: rows.map(([label, share]) => [label, formatPercent(share)]),
  };
}

const labelled = <K extends string>(labels: Record<K, string>, shares: Record<string, number>) =>
  Object.entries(shares)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [labels[k as K] ?? k, v] as [string, number]);

function territories(r: GridAnalysisOut): ReportSection {
  const blocks: ReportBlock[] = [
    {
      kind: 'figures',
      figures: [
        { valeur: formatPercent(r.partUrbain), libelle: 'en milieu urbain' },
        { valeur: formatPercent(r.partRural), libelle: 'en milieu rural' },
        { valeur: formatPercent(r.partQpv), libelle: 'en quartier prioritaire' },
        { valeur: formatPercent(r.partVille), libelle: 'impliquent la ville' },
      ],
    },
    {
      kind: 'table',
      table: sharesTable('Actions par milieu', labelled<Setting>(SETTING_LABELS, r.parMilieu)),
    },
    { kind: 'table', table: sharesTable('Actions par échelle', labelled<Scale>(SCALE_LABELS, r.parEchelle)) },
    {
      kind: 'paragraph',
      text: `Parmi les actions en milieu urbain, ${formatPercent(r.partQpvParmiUrbain)} se déroulent en quartier prioritaire.`,
    },
  ];
  return { id: 'territoires', titre: 'Territoires', blocks };
}

function dynamics(r: GridAnalysisOut): ReportSection {
  const rows = Object.entries(r.parDispositif)
    .filter(([, v]) => v.part > 0)
    .sort((a, b) => b[1].part - a[1].part)
    .map(([kind, v]) => [
      KIND_SHORT[kind as keyof typeof KIND_SHORT] ?? kind,
      formatPercent(v.part),
      formatPercent(v.partPorteur),
      formatPercent(v.partPartenaire),
    ]);
  return {
    id: 'dynamiques',
    titre: 'Dynamiques impliquées',
    blocks: [
      {
        kind: 'paragraph',
        text: `${formatPercent(r.partAvecDynamique)} des actions impliquent au moins une dynamique territoriale de santé.`,
      },
      {
        kind: 'table',
        table: {
          legende: 'Actions impliquant chaque type de dynamique',
          colonnes: [
            { libelle: 'Dynamique' },
            { libelle: 'Impliquée', align: 'right' },
            { libelle: 'Porteuse', align: 'right' },
            { libelle: 'Partenaire', align: 'right' },
          ],
          lignes: rows,
        },
      },
    ],
  };
}

function funding(r: GridAnalysisOut): ReportSection {
  const funders = r.financeurs.filter((f) => f.mentions > 0);
  return {
    id: 'financements',
    titre: 'Financements',
    blocks: [
      {
        kind: 'paragraph',
        text: `${formatPercent(r.partFinancees)} des actions citent au moins un financeur, ${formatPercent(r.partMultiFinancees)} plusieurs ; ${formatInteger(r.mentionsFinanceurs)} ${plural(r.mentionsFinanceurs, 'mention')} de financeurs en tout.`,
      },
      {
        kind: 'table',
        table: {
          legende: 'Financeurs par type',
          colonnes: [
            { libelle: 'Financeur' },
            { libelle: 'Part des mentions', align: 'right' },
            { libelle: 'Part des actions financées', align: 'right' },
          ],
          lignes: funders.map((f) => [
            FUNDER_TYPE_LABELS[f.type as FunderType] ?? f.type,
            formatPercent(f.partMentions),
            formatPercent(f.partActions),
          ]),
        },
      },
      {
        kind: 'table',
        table: {
          legende: 'Paires de financeurs les plus fréquentes',
          colonnes: [
            { libelle: 'Financeurs' },
            { libelle: 'Actions', align: 'right' },
            { libelle: 'Part', align: 'right' },
          ],
          lignes: r.pairesFinanceurs.map((p) => [
            p.types.map((t) => FUNDER_TYPE_LABELS[t as FunderType] ?? t).join(' + '),
            formatInteger(p.nombre),
            formatPercent(p.part),
          ]),
        },
      },
    ],
  };
}

function policiesAndDuration(r: GridAnalysisOut): ReportSection {
  const d = r.duree;
  return {
    id: 'politiques',
    titre: 'Politiques liées et durée',
    blocks: [
      {
        kind: 'paragraph',
        text: `${formatPercent(r.politiquesLiees.part)} des actions se rattachent à au moins une politique publique (${formatPercent(r.politiquesLiees.partSante)} à une politique de santé).`,
      },
      {
        kind: 'table',
        table: sharesTable(
          'Politiques liées',
          labelled<Policy>(POLICY_LABELS, r.politiquesLiees.parPolitique),
        ),
      },
      {
        kind: 'table',
        table: {
          legende: `Durée des actions datées (${formatInteger(d.nombre)})`,
          colonnes: [
            { libelle: 'Moyenne', align: 'right' },
            { libelle: 'Médiane', align: 'right' },
            { libelle: 'Minimum', align: 'right' },
            { libelle: 'Maximum', align: 'right' },
          ],
          lignes: [[years(d.moyenne), years(d.mediane), years(d.min), years(d.max)]],
          note: 'Une action sans date de fin compte jusqu’à aujourd’hui.',
        },
      },
    ],
  };
}

/**
 * The grid figures of a set of actions as a document (PDF, DOCX, HTML), section by section as the 2018
 * survey's « Revue des productions » read them. `perimetre` says in words which actions were counted.
 */
export function actionsSummaryDocument(
  r: GridAnalysisOut,
  meta: { perimetre: string; genereLe: string; today: string },
): ReportDocument {
  const empty: ReportSection = {
    id: 'aucune',
    titre: 'Aucune action',
    blocks: [
      { kind: 'paragraph', text: 'Aucune action ne correspond à ces critères : pas de chiffres à calculer.' },
    ],
  };
  return {
    titre: 'Synthèse des actions selon la grille d’analyse',
    territoire: `${meta.perimetre} — ${formatInteger(r.total)} ${plural(r.total, 'action')}`,
    dateEtat: meta.today,
    genereLe: meta.genereLe,
    source:
      'Actions et expériences saisies dans l’Observatoire ; grille de la « Revue des productions » de l’enquête 2018 de la Fabrique Territoires Santé.',
    fichier: `synthese-actions-${meta.today}`,
    sections: r.total === 0 ? [empty] : [territories(r), dynamics(r), funding(r), policiesAndDuration(r)],
  };
}
