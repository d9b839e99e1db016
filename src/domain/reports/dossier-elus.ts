import { CRITERIA, levelLabel, MAX_LEVEL } from '../cycle/criteria.ts';
import {
  DYNAMIC_KIND_LABELS,
  type DynamicKind,
  STATUS_LABELS,
  type TimelineStatus,
} from '../registry/kinds.ts';
import type { ReportBlock, ReportDocument, ReportSection } from './document.ts';
import { formatDateLong, formatInteger, joinFrench, KIND_SHORT, slug } from './french.ts';

/** One dynamic covering the territory on the dossier's date, as elected officials need to know it. */
export interface DossierDynamic {
  id: string;
  type: DynamicKind;
  nom: string;
  statut: TimelineStatus;
  porteur: string | null;
  /** « Coordinatrice santé (0,5 ETP) », « poste vacant »…; empty when no post is entered. */
  coordination: string[];
  /** Contacts consented public only: name, role, e-mail or phone. */
  contacts: string[];
  dateDebut: string | null;
  dateFin: string | null;
  /** Fixed-term contract whose end is past with no renewal, or within six months. */
  echeance: 'echue' | 'prochaine' | null;
}

export interface DossierInput {
  territoire: { type: 'commune' | 'epci'; code: string; nom: string; population: number; communes: number };
  departement: string | null;
  date: string;
  genereLe: string;
  qpv: { nombre: number; population: number | null } | null;
  dynamiques: DossierDynamic[];
  /** The kinds the dossier discusses (present or not), in their usual order. */
  typesSuivis: DynamicKind[];
  /** Territories of the same kind and similar population nearby, and how many have each kind. */
  comparables: { libelle: string; total: number; avec: Partial<Record<DynamicKind, number>> } | null;
  autoEvaluations: { dynamique: string; date: string; niveaux: Record<string, number> }[];
  lectures: string[];
  /** The glossary: the dossier lists the acronyms its own text uses. */
  glossaire: { sigle: string; forme: string }[];
  /** The territory's map (SVG) and its caption; absent without contours. */
  carte?: { svg: string; legende: string } | null;
}

const LOCAL_NOUN = { commune: 'la commune', epci: 'l’intercommunalité' } as const;

function keyFigures(i: DossierInput): ReportSection {
  const t = i.territoire;
  const figures = [
    { valeur: formatInteger(t.population), libelle: 'habitants' },
    ...(t.type === 'epci' ? [{ valeur: formatInteger(t.communes), libelle: 'communes' }] : []),
    {
      valeur: formatInteger(i.dynamiques.length),
      libelle: i.dynamiques.length > 1 ? 'dynamiques de santé en place' : 'dynamique de santé en place',
    },
  ];
  const blocks: ReportBlock[] = [{ kind: 'figures', figures }];
  if (i.qpv === null) {
    blocks.push({
      kind: 'paragraph',
      text: 'La couche des quartiers prioritaires n’est pas chargée sur cette plateforme.',
    });
  } else if (i.qpv.nombre === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Aucun quartier prioritaire de la politique de la ville sur ${LOCAL_NOUN[t.type]}.`,
    });
  } else {
    const pop = i.qpv.population === null ? '' : `, où vivent ${formatInteger(i.qpv.population)} habitants`;
    blocks.push({
      kind: 'paragraph',
      text: `${formatInteger(i.qpv.nombre)} quartier${i.qpv.nombre > 1 ? 's' : ''} prioritaire${i.qpv.nombre > 1 ? 's' : ''} de la politique de la ville${pop}.`,
    });
  }
  return { id: 'chiffres', titre: 'Le territoire en quelques chiffres', blocks };
}

function dynamicItem(d: DossierDynamic, date: string): string {
  const parts = [`${KIND_SHORT[d.type]} — ${d.nom} (${STATUS_LABELS[d.statut]})`];
  if (d.porteur) parts.push(`porté par ${d.porteur}`);
  parts.push(
    d.coordination.length > 0
      ? `coordination : ${d.coordination.join(' ; ')}`
      : 'aucune coordination renseignée',
  );
  if (d.contacts.length > 0) parts.push(`contact : ${d.contacts.join(' ; ')}`);
  if (d.dateDebut) parts.push(`depuis le ${formatDateLong(d.dateDebut)}`);
  if (d.echeance === 'echue' && d.dateFin)
    parts.push(`échu le ${formatDateLong(d.dateFin)}, sans renouvellement enregistré`);
  else if (d.echeance === 'prochaine' && d.dateFin)
    parts.push(`à renouveler : échéance le ${formatDateLong(d.dateFin)}`);
  else if (d.dateFin && d.dateFin >= date) parts.push(`jusqu’au ${formatDateLong(d.dateFin)}`);
  return parts.join(', ');
}

function present(i: DossierInput): ReportSection {
  const blocks: ReportBlock[] =
    i.dynamiques.length === 0
      ? [
          {
            kind: 'paragraph',
            text: `Aucune dynamique territoriale de santé n’est enregistrée sur ${LOCAL_NOUN[i.territoire.type]} au ${formatDateLong(i.date)}.`,
          },
        ]
      : [
          { kind: 'list', items: i.dynamiques.map((d) => dynamicItem(d, i.date)) },
          {
            kind: 'paragraph',
            text: 'Les contacts ne figurent que s’ils ont accepté d’être publiés ; les autres se demandent à l’équipe régionale.',
          },
        ];
  return { id: 'dynamiques', titre: 'Ce qui existe aujourd’hui', blocks };
}

function gaps(i: DossierInput): ReportSection {
  const count = new Map<DynamicKind, number>();
  for (const d of i.dynamiques) count.set(d.type, (count.get(d.type) ?? 0) + 1);
  const present = i.typesSuivis.filter((k) => count.has(k));
  const missing = i.typesSuivis.filter((k) => !count.has(k));
  const doubled = present.filter((k) => (count.get(k) ?? 0) > 1);
  const due = i.dynamiques.filter((d) => d.echeance !== null);
  const uncoordinated = i.dynamiques.filter((d) => d.coordination.length === 0);
  const items: string[] = [];
  items.push(
    present.length === 0
      ? 'Aucun des dispositifs suivis n’est présent.'
      : `Présents : ${joinFrench(present.map((k) => DYNAMIC_KIND_LABELS[k].toLowerCase()))}.`,
  );
  if (missing.length > 0)
    items.push(`Absents : ${joinFrench(missing.map((k) => DYNAMIC_KIND_LABELS[k].toLowerCase()))}.`);
  if (doubled.length > 0) {
    items.push(
      `Plusieurs dynamiques du même type se recoupent : ${joinFrench(doubled.map((k) => `${count.get(k)} ${KIND_SHORT[k]}`))} — leurs périmètres et leurs rôles sont à clarifier.`,
    );
  }
  if (due.length > 0) items.push(`Échéances à traiter : ${joinFrench(due.map((d) => d.nom))}.`);
  if (uncoordinated.length > 0) {
    items.push(`Sans coordination renseignée : ${joinFrench(uncoordinated.map((d) => d.nom))}.`);
  }
  const blocks: ReportBlock[] = [{ kind: 'list', items }];
  const c = i.comparables;
  if (c && c.total > 0 && missing.length > 0) {
    const where = (k: DynamicKind) => {
      const n = c.avec[k] ?? 0;
      return `${DYNAMIC_KIND_LABELS[k].toLowerCase()} dans ${n === 0 ? 'aucune' : formatInteger(n)}`;
    };
    blocks.push({
      kind: 'paragraph',
      text: `Pour comparer, parmi les ${formatInteger(c.total)} ${c.libelle}, on trouve : ${joinFrench(missing.map(where))}.`,
    });
  }
  return { id: 'recoupements', titre: 'Ce qui se recoupe, ce qui manque', blocks };
}

function approach(i: DossierInput): ReportSection {
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: 'Une démarche territoriale de santé réunit élus, institutions, professionnels et habitants autour de la santé d’un territoire. Sept caractéristiques la définissent :',
    },
    { kind: 'list', items: CRITERIA.map((c) => `${c.libelle} : ${c.definition}.`) },
    ...selfAssessmentSection(i.autoEvaluations),
  ];
  return { id: 'demarche', titre: 'Qu’est-ce qu’une démarche territoriale de santé ?', blocks };
}

/** The self-assessments of the dynamics present, as a table; nothing when none was recorded. */
export function selfAssessmentSection(rows: DossierInput['autoEvaluations']): ReportBlock[] {
  if (rows.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      text: `Les équipes se sont évaluées elles-mêmes sur ces sept points (de 0 à ${MAX_LEVEL}) :`,
    },
    {
      kind: 'table',
      table: {
        legende: 'Auto-évaluations des dynamiques présentes (la plus récente de chacune)',
        colonnes: [
          { libelle: 'Dynamique' },
          { libelle: 'Date', nowrap: true },
          ...CRITERIA.map((c) => ({ libelle: c.libelle, align: 'right' as const })),
        ],
        lignes: rows.map((r) => [
          r.dynamique,
          formatDateLong(r.date),
          ...CRITERIA.map((c) => {
            const n = r.niveaux[c.code];
            return n === undefined ? '—' : `${n} (${levelLabel(n).toLowerCase()})`;
          }),
        ]),
      },
    },
  ];
}

/**
 * The dossier for a commune's or an intercommunalité's elected team: what exists, who to call, what is
 * missing, what a territorial health approach is, what to read — in plain French, from live data.
 */
/** Glossary entries whose acronym appears in `text` as a word of its own, in alphabetical order. */
function acronymsUsed(glossary: DossierInput['glossaire'], text: string) {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return glossary
    .filter((g) => new RegExp(`(^|[^\\p{L}])${literal(g.sigle)}([^\\p{L}]|$)`, 'u').test(text))
    .sort((a, b) => a.sigle.localeCompare(b.sigle, 'fr'));
}

export function buildDossierElus(i: DossierInput): ReportDocument {
  const t = i.territoire;
  const sections: ReportSection[] = [keyFigures(i), present(i), gaps(i), approach(i)];
  if (i.carte) {
    sections.splice(1, 0, {
      id: 'carte',
      titre: 'Carte',
      blocks: [{ kind: 'map', svg: i.carte.svg, legende: i.carte.legende }],
    });
  }
  if (i.lectures.length > 0)
    sections.push({ id: 'lectures', titre: 'À lire', blocks: [{ kind: 'list', items: i.lectures }] });
  const sigles = acronymsUsed(i.glossaire, JSON.stringify(sections));
  if (sigles.length > 0) {
    sections.push({
      id: 'sigles',
      titre: 'Sigles',
      blocks: [{ kind: 'list', items: sigles.map((s) => `${s.sigle} : ${s.forme}`) }],
    });
  }
  return {
    titre: 'Dossier pour les élus : la santé sur le territoire',
    territoire: `${t.type === 'commune' ? 'Commune' : 'Intercommunalité'} ${t.nom}${i.departement ? ` — ${i.departement}` : ''}`,
    dateEtat: i.date,
    genereLe: i.genereLe,
    source:
      'Registre des dynamiques territoriales de santé de l’Observatoire, référentiel géographique INSEE, quartiers prioritaires (ANCT), centre de ressources.',
    fichier: `dossier-elus-${t.type}-${t.code}-${slug(t.nom)}-${i.date}`,
    sections,
  };
}
