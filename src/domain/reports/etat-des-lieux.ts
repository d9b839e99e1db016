import type { DynamicKind } from '../registry/kinds.ts';
import type { KeyFigure, ReportBlock, ReportDocument, ReportSection } from './document.ts';
import { COORDINATED_KINDS, isOngoing } from './dynamics.ts';
import { formatDateLong, formatDateTime, formatInteger, formatPercent, KIND_SHORT, slug } from './french.ts';
import type { ConfigurationResult, EtatDesLieuxInput } from './inputs.ts';
import { DEPARTEMENT_WORDS, departementNarrative, TERRITORY_WORDS } from './narrative.ts';
import { qpvBlocks, qpvKeyFigure } from './qpv-section.ts';
import {
  configurationChart,
  configurationTable,
  countsTables,
  coverageTable,
  declaredTable,
  dynamicsLines,
  dynamicsTable,
  kindsPresent,
  statusTable,
} from './tables.ts';

export const REPORT_SOURCE = 'Registre Observatoire DTS';

/** Kinds covering a territory whose coverage the key figures state (not care structures at one address). */
const TERRITORIAL_KINDS: DynamicKind[] = ['CONTRAT_VILLE', 'ASV', 'CLS', 'CLSM', 'CPTS', 'PLSP'];

/**
 * The état des lieux of a région or a département in the spirit of the 2018 regional surveys: key
 * figures, counts, the contrat-de-ville configurations, coverage, one account per département, the list
 * of dynamics, declared figures and sources. Pure: the analyses are computed beforehand.
 */
export function buildEtatDesLieux(input: EtatDesLieuxInput): ReportDocument {
  const p = input.perimetre;
  const territoire = territoryTitle(p);
  const local = p.type === 'epci' || p.type === 'commune';
  const names = new Map(input.dynamiques.map((d) => [d.id, d.nom]));
  const nomDe = (id: string) => names.get(id) ?? id;
  const sections: ReportSection[] = [
    { id: 'chiffres-cles', titre: 'Chiffres clés', blocks: keyFigures(input) },
    {
      id: 'carte',
      titre: 'Carte',
      blocks: input.carte
        ? [{ kind: 'map', svg: input.carte.svg, legende: input.carte.legende }]
        : [{ kind: 'paragraph', text: 'Les contours des territoires ne sont pas chargés : pas de carte.' }],
    },
    {
      id: 'comptages',
      titre: local ? 'Les dynamiques du territoire' : 'Les dynamiques par département',
      blocks:
        input.dynamiques.length === 0
          ? [
              {
                kind: 'paragraph',
                text: 'Le registre ne recense aucune dynamique sur ce territoire à cette date.',
              },
            ]
          : [
              ...countsTables(input).map((table) => ({ kind: 'table' as const, table })),
              { kind: 'table', table: statusTable(input) },
            ],
    },
    {
      id: 'contrats-de-ville',
      titre: 'Contrats de ville et dispositifs de santé',
      blocks:
        input.configurations.total === 0
          ? [{ kind: 'paragraph', text: 'Aucun contrat de ville en cours n’est recensé sur ce territoire.' }]
          : [
              { kind: 'chart', chart: configurationChart(input) },
              { kind: 'table', table: configurationTable(input, nomDe) },
            ],
    },
    {
      id: 'couverture',
      titre: 'Couverture de la population',
      blocks: [{ kind: 'table', table: coverageTable(input) }],
    },
    {
      id: 'quartiers-prioritaires',
      titre: 'Quartiers prioritaires de la politique de la ville',
      blocks: qpvBlocks(input.qpv, input.date),
    },
    {
      id: 'departements',
      titre: local
        ? 'Situation détaillée'
        : input.departements.length > 1
          ? 'Situation par département'
          : 'Situation du département',
      blocks: input.departements.map((dep) => ({
        kind: 'subsection' as const,
        id: `departement-${dep.code}`,
        titre: `${dep.nom} (${dep.code})`,
        blocks: departementNarrative({
          date: input.date,
          dynamiques: input.dynamiques.filter((d) => d.departements.includes(dep.code)),
          couverture: input.couvertureParDepartement.filter((c) => c.territoire.code === dep.code),
          configurations: configurationsOf(input, dep.code),
          nomDe,
          lieu: local ? TERRITORY_WORDS : DEPARTEMENT_WORDS,
        }),
      })),
    },
    { id: 'liste', titre: 'Liste des dynamiques', blocks: dynamicsList(input) },
  ];
  if (input.declares.length > 0)
    sections.push({
      id: 'decomptes-declares',
      titre: 'Décomptes déclarés',
      blocks: [{ kind: 'table', table: declaredTable(input) }],
    });
  if (input.ressources && input.ressources.length > 0) {
    sections.push({
      id: 'pour-aller-plus-loin',
      titre: 'Pour aller plus loin',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Documents du centre de ressources sur ce territoire ou sur les dynamiques qui le couvrent :',
        },
        { kind: 'list', items: input.ressources },
      ],
    });
  }
  sections.push({ id: 'sources', titre: 'Sources et méthode', blocks: sourcesAndMethod(input) });
  return {
    titre: 'État des lieux des dynamiques territoriales de santé',
    territoire,
    dateEtat: input.date,
    genereLe: input.genereLe,
    source: REPORT_SOURCE,
    fichier: `etat-des-lieux-${p.type}-${p.code}-${slug(p.nom)}-${input.date}`,
    sections,
  };
}

/** "Commune La Roche-sur-Yon (85191) — Vendée, région Pays de la Loire" and the like. */
function territoryTitle(p: EtatDesLieuxInput['perimetre']): string {
  const region = p.region ? `région ${p.region.nom}` : '';
  const deps = (p.departements ?? []).map((d) => `${d.nom} (${d.code})`).join(', ');
  const within = [deps, region].filter(Boolean).join(', ');
  const suffix = within ? ` — ${within}` : '';
  if (p.type === 'region') return `Région ${p.nom}`;
  if (p.type === 'departement') return `Département ${p.nom} (${p.code})${region ? ` — ${region}` : ''}`;
  if (p.type === 'epci') return `EPCI ${p.nom} (${p.code})${suffix}`;
  return `Commune ${p.nom} (${p.code})${suffix}`;
}

/**
 * A contrat de ville's configuration depends on its own communes only, not on the scope: a
 * département's matrix is the scope's restricted to the contrats touching it.
 */
function configurationsOf(input: EtatDesLieuxInput, departement: string): ConfigurationResult {
  const touching = new Set(
    input.dynamiques.filter((d) => d.departements.includes(departement)).map((d) => d.id),
  );
  const configurations = input.configurations.configurations.map((c) => {
    const dynamiques = c.dynamiques.filter((id) => touching.has(id));
    return { ...c, dynamiques, nombre: dynamiques.length };
  });
  return { total: configurations.reduce((s, c) => s + c.nombre, 0), configurations };
}

function keyFigures(input: EtatDesLieuxInput): ReportBlock[] {
  const ongoing = input.dynamiques.filter(isOngoing);
  const coverage = (kind: string) => input.couvertureTotale.find((c) => c.type === kind);
  const figures: KeyFigure[] = [
    {
      valeur: formatInteger(ongoing.length),
      libelle: ongoing.length > 1 ? 'dynamiques en cours' : 'dynamique en cours',
      detail: `dont ${formatInteger(ongoing.filter((d) => d.statut === 'en_projet').length)} en projet`,
    },
  ];
  for (const kind of kindsPresent(ongoing)) {
    const c = coverage(kind);
    const count = ongoing.filter((d) => d.type === kind).length;
    figures.push({
      valeur: formatInteger(count),
      libelle: KIND_SHORT[kind],
      ...(TERRITORIAL_KINDS.includes(kind) && c
        ? {
            detail: `${formatPercent(c.partPopulation)} de la population couverte (${formatInteger(c.population)} hab.)`,
          }
        : {}),
    });
  }
  const watched = ongoing.filter((d) => (COORDINATED_KINDS as readonly string[]).includes(d.type));
  if (watched.length > 0)
    figures.push({
      valeur: formatInteger(watched.filter((d) => !d.coordonnee).length),
      libelle: 'ASV, CLS ou CLSM sans coordination',
      detail: `sur ${formatInteger(watched.length)} en cours`,
    });
  const blank = coverage('ZONE_BLANCHE');
  if (blank)
    figures.push({
      valeur: formatInteger(blank.communes),
      libelle: blank.communes > 1 ? 'communes sans dynamique locale' : 'commune sans dynamique locale',
      detail: `${formatPercent(blank.partPopulation)} de la population (hors PTSM et DAC)`,
    });
  const qpv = qpvKeyFigure(input.qpv);
  if (qpv) figures.push(qpv);
  const p = input.perimetre;
  const depText =
    p.type !== 'epci' && input.departements.length > 1
      ? `, ${formatInteger(input.departements.length)} départements`
      : '';
  const communesText =
    p.type === 'commune' ? '' : `, ${formatInteger(p.communes)} commune${p.communes > 1 ? 's' : ''}`;
  return [
    {
      kind: 'paragraph',
      text:
        `Territoire : ${formatInteger(p.population)} habitants${communesText}${depText}. ` +
        `Situation au ${formatDateLong(input.date)} d’après le ${REPORT_SOURCE}.`,
    },
    { kind: 'figures', figures },
  ];
}

function dynamicsList(input: EtatDesLieuxInput): ReportBlock[] {
  if (input.dynamiques.length === 0)
    return [{ kind: 'paragraph', text: 'Aucune dynamique n’est recensée à cette date.' }];
  const intro: ReportBlock = {
    kind: 'paragraph',
    text:
      'Dynamiques existant à la date de l’état des lieux, y compris celles arrêtées, avec leur statut à ' +
      'cette date. Coordination : un poste de coordination pourvu à cette date.',
  };
  if (input.departements.length === 1)
    return [intro, { kind: 'table', table: dynamicsTable('Dynamiques recensées', input.dynamiques) }];
  return [
    intro,
    ...input.departements
      .map((dep) => ({ dep, list: input.dynamiques.filter((d) => d.departements.includes(dep.code)) }))
      .filter(({ list }) => list.length > 0)
      .map(({ dep, list }) => ({
        kind: 'subsection' as const,
        id: `liste-${dep.code}`,
        titre: `${dep.nom} (${dep.code})`,
        blocks: [{ kind: 'list' as const, items: dynamicsLines(list) }],
      })),
  ];
}

function sourcesAndMethod(input: EtatDesLieuxInput): ReportBlock[] {
  const declaredSources = [...new Set(input.declares.map((d) => d.source))];
  return [
    {
      kind: 'list',
      items: [
        `${REPORT_SOURCE} : fiches des dynamiques (périmètres, porteurs, événements datés, postes de coordination), état au ${formatDateLong(input.date)}.`,
        'Référentiel administratif : Code officiel géographique de l’Insee et populations municipales, via le découpage administratif publié par Etalab.',
        ...declaredSources.map((s) => `Décomptes déclarés : ${s}.`),
      ],
    },
    {
      kind: 'paragraph',
      text:
        'Méthode. Le statut de chaque dynamique est celui qu’elle avait à la date de l’état des lieux, ' +
        'déduit de ses événements datés. Une dynamique est rattachée à chaque département dont au moins ' +
        'une commune fait partie de son périmètre. Un contrat de ville est dit articulé avec un ASV, un CLS ' +
        'ou un CLSM lorsqu’un tel dispositif en cours couvre au moins une de ses communes. La couverture ' +
        'rapporte la population des communes couvertes à celle du territoire ; les communes sans dynamique ' +
        'locale ne sont couvertes par aucune dynamique hors PTSM et DAC, qui sont départementaux.',
    },
    {
      kind: 'paragraph',
      text:
        `Document généré le ${formatDateTime(input.genereLe)} par l’Observatoire DTS. Le registre évolue : ` +
        'ce document décrit la situation enregistrée à la date indiquée et peut être régénéré à tout moment.',
    },
  ];
}
