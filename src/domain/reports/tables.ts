import {
  DYNAMIC_KIND_LABELS,
  type DynamicKind,
  LIVE_STATUSES,
  TIMELINE_STATUSES,
  type TimelineStatus,
} from '../registry/kinds.ts';
import type { ReportBarChart, ReportTable } from './document.ts';
import { isOngoing, REPORT_KIND_ORDER, statusLabel } from './dynamics.ts';
import { formatDateLong, formatInteger, formatPercent, KIND_SHORT } from './french.ts';
import type { EtatDesLieuxInput, ReportDynamic } from './inputs.ts';

const right = (libelle: string) => ({ libelle, align: 'right' as const });
const n = (x: number) => (x === 0 ? '–' : formatInteger(x));

/** Kinds with at least one dynamic in the report, in the registry's order. */
export function kindsPresent(dynamics: ReportDynamic[]): DynamicKind[] {
  return REPORT_KIND_ORDER.filter((k) => dynamics.some((d) => d.type === k));
}

/** Coordinated care (exercice coordonné) is counted apart from the territorial health approaches. */
const COORDINATED_CARE: readonly DynamicKind[] = ['CPTS', 'MSP', 'CDS', 'ESP'];

/**
 * Ongoing dynamics per département × kind (from the counts analysis), with the distinct total: one
 * table for the territorial approaches and contrats de ville, one for coordinated care, so that each
 * stays readable on a portrait page.
 */
export function countsTables(input: EtatDesLieuxInput): ReportTable[] {
  const ongoing = input.dynamiques.filter(isOngoing);
  const present = kindsPresent(ongoing);
  const groups = [
    {
      titre: 'démarches territoriales de santé et contrats de ville',
      kinds: present.filter((k) => !COORDINATED_CARE.includes(k)),
    },
    { titre: 'exercice coordonné', kinds: present.filter((k) => COORDINATED_CARE.includes(k)) },
  ].filter((g) => g.kinds.length > 0);
  const tables = groups.map((g) =>
    countsTable(input, ongoing, g.kinds, groups.length > 1 ? ` — ${g.titre}` : ''),
  );
  const last = tables.at(-1);
  if (last) last.note = countsNote(input.departements.length > 1);
  return tables;
}

function countsTable(
  input: EtatDesLieuxInput,
  ongoing: ReportDynamic[],
  kinds: DynamicKind[],
  suffix: string,
): ReportTable {
  const cell = (dep: string, kind: DynamicKind) =>
    input.comptages
      .filter((c) => c.territoire.code === dep && c.type === kind && LIVE_STATUSES.includes(c.statut))
      .reduce((s, c) => s + c.nombre, 0);
  const lignes = input.departements.map((dep) => {
    const values = kinds.map((k) => cell(dep.code, k));
    return [`${dep.nom} (${dep.code})`, ...values.map(n), n(values.reduce((a, b) => a + b, 0))];
  });
  const ofKinds = ongoing.filter((d) => kinds.includes(d.type));
  return {
    legende: `Dynamiques en cours par département et par type au ${formatDateLong(input.date)}${suffix}`,
    colonnes: [
      { libelle: 'Département', nowrap: true },
      ...kinds.map((k) => right(KIND_SHORT[k])),
      right('Total'),
    ],
    lignes,
    ...(input.departements.length > 1
      ? {
          pied: [
            `Ensemble ${input.perimetre.nom}`,
            ...kinds.map((k) => n(ofKinds.filter((d) => d.type === k).length)),
            n(ofKinds.length),
          ],
        }
      : {}),
  };
}

function countsNote(several: boolean): string {
  return (
    'En cours : en projet, active ou suspendue à la date de l’état des lieux.' +
    (several
      ? ' Une dynamique couvrant plusieurs départements est comptée dans chacun ; la ligne d’ensemble la compte une fois.'
      : '')
  );
}

const STATUS_COLUMN_TITLES: Record<TimelineStatus, string> = {
  en_projet: 'En projet',
  actif: 'Active',
  suspendu: 'Suspendue',
  arrete: 'Arrêtée',
  echue: 'Échue',
  inconnu: 'Statut inconnu',
};

/** Every dynamic existing on the date, by kind and status (stopped, échue and unknown ones apart). */
export function statusTable(input: EtatDesLieuxInput): ReportTable {
  const kinds = kindsPresent(input.dynamiques);
  return {
    legende: `Dynamiques par type et par statut au ${formatDateLong(input.date)}`,
    colonnes: [
      { libelle: 'Type' },
      ...TIMELINE_STATUSES.map((s) => right(STATUS_COLUMN_TITLES[s])),
      right('Total'),
    ],
    lignes: kinds.map((k) => {
      const list = input.dynamiques.filter((d) => d.type === k);
      return [
        DYNAMIC_KIND_LABELS[k],
        ...TIMELINE_STATUSES.map((s) => n(list.filter((d) => d.statut === s).length)),
        n(list.length),
      ];
    }),
  };
}

const COVERAGE_COLUMNS: DynamicKind[] = ['CONTRAT_VILLE', 'ASV', 'CLS', 'CLSM', 'CPTS'];

/** Share of each département's population covered by each kind, and communes covered by none. */
export function coverageTable(input: EtatDesLieuxInput): ReportTable {
  const row = (nom: string, population: number, items: EtatDesLieuxInput['couvertureTotale']) => {
    const of = (type: string) => items.find((i) => i.type === type);
    const blank = of('ZONE_BLANCHE');
    return [
      nom,
      formatInteger(population),
      ...COVERAGE_COLUMNS.map((k) => (of(k)?.communes ? formatPercent(of(k)?.partPopulation ?? 0) : '–')),
      blank ? `${formatInteger(blank.communes)} (${formatPercent(blank.partPopulation)})` : '–',
    ];
  };
  const byDep = (code: string) => input.couvertureParDepartement.filter((i) => i.territoire.code === code);
  const several = input.departements.length > 1;
  return {
    legende: `Part de la population couverte par type de dynamique au ${formatDateLong(input.date)}`,
    colonnes: [
      { libelle: 'Département', nowrap: true },
      right('Population'),
      ...COVERAGE_COLUMNS.map((k) => right(KIND_SHORT[k])),
      right('Communes sans dynamique locale'),
    ],
    lignes: input.departements.map((d) => row(`${d.nom} (${d.code})`, d.population, byDep(d.code))),
    ...(several
      ? { pied: row(`Ensemble ${input.perimetre.nom}`, input.perimetre.population, input.couvertureTotale) }
      : {}),
    note:
      'Population municipale des communes couvertes par au moins une dynamique en cours du type. ' +
      'Dernière colonne : communes couvertes par aucune dynamique locale (les PTSM et DAC, départementaux, ' +
      'ne comptent pas), et leur part de la population.',
  };
}

/** The contrat-de-ville configuration matrix as bars (one per combination, zeros included). */
export function configurationChart(input: EtatDesLieuxInput): ReportBarChart {
  const { total, configurations } = input.configurations;
  return {
    titre: 'Contrats de ville selon les dispositifs de santé présents sur leur territoire',
    description:
      `Répartition ${total > 1 ? `des ${formatInteger(total)} contrats de ville en cours` : 'du contrat de ville en cours'} selon la présence d’un ASV, ` +
      'd’un CLS ou d’un CLSM sur au moins une de leurs communes.',
    total,
    barres: configurations.map((c) => ({
      libelle: c.libelle,
      valeur: c.nombre,
      part: total === 0 ? 0 : c.nombre / total,
    })),
  };
}

export function configurationTable(input: EtatDesLieuxInput, nomDe: (id: string) => string): ReportTable {
  const { total, configurations } = input.configurations;
  return {
    legende: 'Configurations des contrats de ville',
    colonnes: [
      { libelle: 'Configuration' },
      right('Nombre'),
      right('Part'),
      { libelle: 'Contrats de ville' },
    ],
    lignes: configurations.map((c) => [
      c.libelle,
      formatInteger(c.nombre),
      total === 0 ? '–' : formatPercent(c.nombre / total),
      c.dynamiques
        .map(nomDe)
        .sort((a, b) => a.localeCompare(b, 'fr'))
        .join(' ; '),
    ]),
    pied: ['Total', formatInteger(total), total === 0 ? '–' : formatPercent(1), ''],
  };
}

export function dynamicsTable(legende: string, list: ReportDynamic[]): ReportTable {
  return {
    legende,
    colonnes: [
      { libelle: 'Type' },
      { libelle: 'Nom' },
      { libelle: 'Statut' },
      { libelle: 'Porteur' },
      { libelle: 'Coordination' },
    ],
    lignes: list.map((d) => [
      KIND_SHORT[d.type],
      d.nom,
      statusLabel(d),
      d.porteur ?? 'non renseigné',
      d.statut === 'arrete' ? '–' : d.coordonnee ? 'oui' : 'non',
    ]),
  };
}

/**
 * The same facts as `dynamicsTable`, a line per dynamic: for a région's thousand dynamics, a list reads
 * as well and prints in a third less time (each table cell is an element of the PDF's structure tree).
 */
export function dynamicsLines(list: ReportDynamic[]): string[] {
  return list.map((d) => {
    const facts = [statusLabel(d), `porteur : ${d.porteur ?? 'non renseigné'}`];
    if (d.statut !== 'arrete') facts.push(`coordination : ${d.coordonnee ? 'oui' : 'non'}`);
    return `${KIND_SHORT[d.type]} — ${d.nom} (${facts.join(' ; ')})`;
  });
}

export function declaredTable(input: EtatDesLieuxInput): ReportTable {
  const ongoing = input.dynamiques.filter(isOngoing);
  const depName = (code: string) => input.departements.find((x) => x.code === code)?.nom ?? code;
  const sources = [...new Set(input.declares.map((d) => d.source))];
  const several = sources.length > 1;
  const level = input.perimetre.type;
  // Like with like: a regional figure against the registry of the whole région, a départemental one
  // against its département; a figure for a wider territory than the report's is not compared.
  const comparable = (d: EtatDesLieuxInput['declares'][number]) =>
    d.departement ? level === 'region' || level === 'departement' : level === 'region';
  const registry = (d: EtatDesLieuxInput['declares'][number]) =>
    comparable(d)
      ? formatInteger(
          ongoing.filter(
            (x) => x.type === d.type && (!d.departement || x.departements.includes(d.departement)),
          ).length,
        )
      : 'n. c.';
  return {
    legende: 'Décomptes publiés par des sources sans liste nominative, comparés au registre',
    colonnes: [
      { libelle: 'Territoire' },
      { libelle: 'Type' },
      right('Déclaré'),
      { libelle: 'Date', nowrap: true },
      right('Registre'),
      { libelle: several ? 'Source et remarque' : 'Remarque' },
    ],
    lignes: input.declares.map((d) => {
      const ref = several ? `[${sources.indexOf(d.source) + 1}]` : '';
      return [
        d.departement ? `${depName(d.departement)} (${d.departement})` : 'Ensemble de la région',
        KIND_SHORT[d.type as DynamicKind] ?? d.type,
        formatInteger(d.nombre),
        formatDateLong(d.date),
        registry(d),
        [ref, d.note].filter(Boolean).join(' '),
      ];
    }),
    note:
      `Registre : dynamiques du type en cours au ${formatDateLong(input.date)} sur le même territoire ; « n. c. » : ` +
      'chiffre d’un territoire plus large que celui de ce document, non comparé. ' +
      'Les décomptes déclarés ne s’ajoutent pas au registre : ils le complètent là où aucune liste n’a été publiée. ' +
      (several ? sources.map((src, i) => `[${i + 1}] ${src}.`).join(' ') : `Source : ${sources[0] ?? ''}.`),
  };
}
