import type { DynamicKind } from '../registry/kinds.ts';
import type { ReportBlock } from './document.ts';
import { COORDINATED_KINDS, dueForRenewal, isOngoing, REPORT_KIND_ORDER, renewalNote } from './dynamics.ts';
import {
  formatDateLong,
  formatInteger,
  formatPercent,
  joinFrench,
  kindCount,
  kindSingular,
  plural,
} from './french.ts';
import type { ConfigurationResult, CoverageItem, ReportDynamic } from './inputs.ts';

/** Kinds whose population coverage the narrative states, in the order of the 2018 survey. */
const COVERAGE_KINDS: DynamicKind[] = ['CONTRAT_VILLE', 'ASV', 'CLS', 'CLSM', 'CPTS'];
/** Kinds whose carriers the account names. */
const CARRIER_KINDS: readonly DynamicKind[] = [...COORDINATED_KINDS, 'CPTS'];
/** Long lists of names are cut in running text; the full list is in the annex table. */
const MAX_NAMES = 8;

export interface DepartementFacts {
  date: string;
  /** Dynamics existing on the date that touch the département. */
  dynamiques: ReportDynamic[];
  couverture: CoverageItem[];
  configurations: ConfigurationResult | undefined;
  nomDe: (id: string) => string;
  /** How sentences name the place: a département by default, "le territoire" for an EPCI or a commune. */
  lieu?: PlaceWords | undefined;
}

export interface PlaceWords {
  dans: string;
  du: string;
  le: string;
}

export const DEPARTEMENT_WORDS: PlaceWords = {
  dans: 'dans ce département',
  du: 'du département',
  le: 'le département',
};
export const TERRITORY_WORDS: PlaceWords = {
  dans: 'sur ce territoire',
  du: 'du territoire',
  le: 'le territoire',
};

/** Plain-French account of one département, computed only from the data. */
export function departementNarrative(f: DepartementFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: overview(f) }];
  const ongoing = f.dynamiques.filter(isOngoing);
  if (ongoing.length === 0) return blocks;
  const carriers = carrierLines(ongoing);
  if (carriers.length > 0 && ongoing.every((d) => !CARRIER_KINDS.includes(d.type) || !d.porteur)) {
    blocks.push({ kind: 'paragraph', text: 'Les porteurs ne sont pas renseignés dans le registre.' });
  } else if (carriers.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Porteurs des ASV, CLS, CLSM et CPTS :' });
    blocks.push({ kind: 'list', items: carriers });
  }
  const coordination = coordinationText(ongoing);
  if (coordination) blocks.push({ kind: 'paragraph', text: coordination });
  blocks.push(...contratsDeVille(f));
  blocks.push({ kind: 'paragraph', text: coverageText(f) });
  const due = ongoing.filter((d) => dueForRenewal(d, f.date));
  if (due.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${plural(due.length, 'contrat')} à renouveler (échéance dépassée ou dans les six mois) :`,
    });
    blocks.push({
      kind: 'list',
      items: due.map((d) => `${kindSingular(d.type)} — ${renewalNote(d, f.date)}`),
    });
  }
  const cptsAlone = cptsWithoutCls(ongoing);
  if (cptsAlone.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${plural(cptsAlone.length, 'CPTS', 'CPTS')} sans CLS sur ${cptsAlone.length > 1 ? 'leur' : 'son'} territoire : ${names(cptsAlone.map((d) => d.nom))}.`,
    });
  }
  return blocks;
}

function overview(f: DepartementFacts): string {
  const { date } = f;
  const ongoing = f.dynamiques.filter(isOngoing);
  const stopped = f.dynamiques.length - ongoing.length;
  const others = ongoing.length > 0 ? 'autre ' : '';
  const stoppedText =
    stopped > 0
      ? ` ${plural(stopped, `${others}dynamique y est arrêtée`, `${others.replace('autre', 'autres')}dynamiques y sont arrêtées`)} à cette date.`
      : '';
  if (ongoing.length === 0)
    return `Au ${formatDateLong(date)}, le registre ne recense aucune dynamique en cours ${(f.lieu ?? DEPARTEMENT_WORDS).dans}.${stoppedText}`;
  const perKind = REPORT_KIND_ORDER.map((k) => [k, ongoing.filter((d) => d.type === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => kindCount(k, n));
  const projects = ongoing.filter((d) => d.statut === 'en_projet').length;
  const projectText = projects > 0 ? `, dont ${formatInteger(projects)} en projet` : '';
  return (
    `Au ${formatDateLong(date)}, le registre recense ${plural(ongoing.length, 'dynamique')} en cours ` +
    `${(f.lieu ?? DEPARTEMENT_WORDS).dans}${projectText} : ${joinFrench(perKind)}.${stoppedText}`
  );
}

function carrierLines(ongoing: ReportDynamic[]): string[] {
  const lines: string[] = [];
  for (const kind of CARRIER_KINDS) {
    const list = ongoing.filter((d) => d.type === kind);
    if (list.length === 0) continue;
    const counts = new Map<string, number>();
    for (const d of list) if (d.porteur) counts.set(d.porteur, (counts.get(d.porteur) ?? 0) + 1);
    const named = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'))
      .map(([nom, n]) => (n > 1 ? `${nom} (${n})` : nom));
    const unknown = list.filter((d) => !d.porteur).length;
    const what =
      named.length === 0
        ? list.length > 1
          ? 'porteurs non renseignés'
          : 'porteur non renseigné'
        : `${names(named)}${unknown > 0 ? ` ; porteur non renseigné pour ${formatInteger(unknown)}` : ''}`;
    lines.push(`${kindCount(kind, list.length)} : ${what}`);
  }
  return lines;
}

function coordinationText(ongoing: ReportDynamic[]): string | null {
  const watched = ongoing.filter((d) => (COORDINATED_KINDS as readonly string[]).includes(d.type));
  if (watched.length === 0) return null;
  const kinds = joinFrench(COORDINATED_KINDS.filter((k) => watched.some((d) => d.type === k)));
  const without = watched.filter((d) => !d.coordonnee);
  if (without.length === 0)
    return watched.length === 1
      ? `Le seul ${kinds} en cours dispose d’une coordination.`
      : `Les ${formatInteger(watched.length)} ${kinds} en cours disposent tous d’une coordination.`;
  const withCount = watched.length - without.length;
  if (withCount === 0)
    return `${watched.length > 1 ? `Aucun des ${formatInteger(watched.length)}` : 'Le seul'} ${kinds} en cours ${watched.length > 1 ? 'ne dispose' : 'ne dispose pas'} d’une coordination : ${names(without.map((d) => d.nom))}.`;
  return (
    `Sur ${formatInteger(watched.length)} ${kinds} en cours, ${formatInteger(withCount)} ` +
    `${withCount > 1 ? 'disposent' : 'dispose'} d’une coordination et ${formatInteger(without.length)} ` +
    `${without.length > 1 ? 'n’en ont pas' : 'n’en a pas'} : ${names(without.map((d) => d.nom))}.`
  );
}

function contratsDeVille(f: DepartementFacts): ReportBlock[] {
  const conf = f.configurations;
  if (!conf || conf.total === 0)
    return [
      {
        kind: 'paragraph',
        text: `Aucun contrat de ville en cours n’est recensé ${(f.lieu ?? DEPARTEMENT_WORDS).dans}.`,
      },
    ];
  const rows = conf.configurations
    .filter((c) => c.nombre > 0)
    .sort((a, b) => (a.avec.length === 0 ? -1 : b.avec.length === 0 ? 1 : b.nombre - a.nombre));
  const items = rows.map((c) => {
    const what =
      c.avec.length === 0
        ? 'sans aucun dispositif santé'
        : c.avec.length === 1
          ? `avec ${c.avec[0]} seulement`
          : `avec ${joinFrench(c.avec)}`;
    return `${plural(c.nombre, 'contrat de ville', 'contrats de ville')} ${what} : ${names(c.dynamiques.map(f.nomDe))}`;
  });
  return [
    {
      kind: 'paragraph',
      text: `Articulation ${conf.total > 1 ? `des ${formatInteger(conf.total)} contrats de ville` : 'du contrat de ville'} avec les ASV, CLS et CLSM (au moins une commune en commun) :`,
    },
    { kind: 'list', items },
  ];
}

function coverageText(f: DepartementFacts): string {
  const row = (type: string) => f.couverture.find((c) => c.type === type);
  const parts: string[] = [];
  const absent: string[] = [];
  for (const kind of COVERAGE_KINDS) {
    const c = row(kind);
    if (!c || c.communes === 0) absent.push(`de ${kind === 'CONTRAT_VILLE' ? 'contrat de ville' : kind}`);
    else
      parts.push(
        `${kind === 'CONTRAT_VILLE' ? 'les contrats de ville' : `les ${kind}`} ${formatPercent(c.partPopulation)} (${formatInteger(c.population)} habitants)`,
      );
  }
  const lieu = f.lieu ?? DEPARTEMENT_WORDS;
  let text =
    parts.length > 0
      ? `Part de la population ${lieu.du} couverte : ${joinFrench(parts)}.`
      : `Aucun contrat de ville, ASV, CLS, CLSM ni CPTS ne couvre ${lieu.le}.`;
  if (parts.length > 0 && absent.length > 0) text += ` Pas ${joinFrench(absent, 'ni')} ${lieu.dans}.`;
  const blank = row('ZONE_BLANCHE');
  if (blank && blank.communes > 0)
    text += ` ${plural(blank.communes, 'commune', 'communes')} (${formatPercent(blank.partPopulation)} de la population) ${blank.communes > 1 ? 'ne sont couvertes' : 'n’est couverte'} par aucune dynamique locale.`;
  else if (blank) text += ' Toutes les communes sont couvertes par au moins une dynamique locale.';
  return text;
}

function cptsWithoutCls(ongoing: ReportDynamic[]): ReportDynamic[] {
  const clsCommunes = new Set(ongoing.filter((d) => d.type === 'CLS').flatMap((d) => d.communes));
  return ongoing.filter((d) => d.type === 'CPTS' && !d.communes.some((c) => clsCommunes.has(c)));
}

/** A list of names in running text, cut after a few with the number left. */
export function names(list: string[]): string {
  if (list.length <= MAX_NAMES) return joinFrench(list);
  const rest = list.length - MAX_NAMES;
  return `${list.slice(0, MAX_NAMES).join(', ')} et ${plural(rest, 'autre')}`;
}
