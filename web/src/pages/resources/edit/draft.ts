import type { NoticeDetail } from '@domain/resources/responses.ts';
import {
  AUDIENCE_LABELS,
  DISPOSITIF_LABELS,
  NOTICE_TYPE_LABELS,
  OFFICIAL_TEXT_LABELS,
  THEME_LABELS,
} from '@domain/resources/vocabulary.ts';
import type { TerritoryType } from '@domain/territories/types.ts';

/** A person or an organisation as the form edits it. */
export interface ContributorDraft {
  kind: 'personne' | 'organisation';
  /** Family name, or the organisation's name. */
  nom: string;
  prenom: string;
}

export interface TerritoryLinkDraft {
  type: TerritoryType;
  code: string;
  /** Name shown in the form; not sent. */
  nom: string;
}

/** A notice as the form edits it: texts as typed, every field of the API present. */
export interface NoticeDraft {
  type: string;
  sousType: string;
  titre: string;
  auteurs: ContributorDraft[];
  directeurs: ContributorDraft[];
  conteneur: string;
  volume: string;
  numero: string;
  collection: string;
  editeur: string;
  lieu: string;
  date: string;
  pages: string;
  etendue: string;
  url: string;
  consulteLe: string;
  doi: string;
  isbn: string;
  issn: string;
  langue: string;
  resume: string;
  origineResume: string;
  disponibilite: string;
  motsCles: string[];
  /** Free tags separated by « ; ». */
  etiquettes: string;
  dispositifs: string[];
  themes: string[];
  publics: string[];
  dynamiques: { id: string; nom: string }[];
  territoires: TerritoryLinkDraft[];
  /** Links to actions are kept as they are (edited from the actions). */
  actions: string[];
}
export type NoticeField = keyof NoticeDraft;

export const EMPTY_NOTICE_DRAFT: NoticeDraft = {
  type: 'rapport',
  sousType: '',
  titre: '',
  auteurs: [],
  directeurs: [],
  conteneur: '',
  volume: '',
  numero: '',
  collection: '',
  editeur: '',
  lieu: '',
  date: '',
  pages: '',
  etendue: '',
  url: '',
  consulteLe: '',
  doi: '',
  isbn: '',
  issn: '',
  langue: '',
  resume: '',
  origineResume: '',
  disponibilite: '',
  motsCles: [],
  etiquettes: '',
  dispositifs: [],
  themes: [],
  publics: [],
  dynamiques: [],
  territoires: [],
  actions: [],
};

/** Labels of the fields, in the order of the form (errors, conflict screen). */
export const NOTICE_FIELD_LABELS: Record<NoticeField, string> = {
  type: 'Type de document',
  sousType: 'Sous-type',
  titre: 'Titre',
  auteurs: 'Auteurs',
  directeurs: 'Direction de l’ouvrage',
  conteneur: 'Publié dans',
  volume: 'Volume',
  numero: 'Numéro',
  collection: 'Collection',
  editeur: 'Éditeur',
  lieu: 'Lieu d’édition',
  date: 'Date de publication',
  pages: 'Pages',
  etendue: 'Étendue',
  url: 'Adresse web',
  consulteLe: 'Consulté le',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  langue: 'Langue',
  resume: 'Résumé',
  origineResume: 'Origine du résumé',
  disponibilite: 'Disponibilité',
  motsCles: 'Mots-clés du thésaurus',
  etiquettes: 'Étiquettes libres',
  dispositifs: 'Dispositifs',
  themes: 'Thèmes',
  publics: 'Publics',
  dynamiques: 'Dynamiques liées',
  territoires: 'Territoires liés',
  actions: 'Actions liées',
};
export const NOTICE_FIELDS = Object.keys(NOTICE_FIELD_LABELS) as NoticeField[];

type Contributor = NoticeDetail['auteurs'][number];

const contributorDraft = (c: Contributor): ContributorDraft =>
  'organisation' in c
    ? { kind: 'organisation', nom: c.organisation, prenom: '' }
    : { kind: 'personne', nom: c.nom, prenom: c.prenom ?? '' };

/** `names`: dynamic and territory names already known (the notice itself carries only their codes). */
export function draftFromNotice(
  n: NoticeDetail,
  names: { dynamiques?: Record<string, string>; territoires?: Record<string, string> } = {},
): NoticeDraft {
  return {
    type: n.type,
    sousType: n.sousType ?? '',
    titre: n.titre,
    auteurs: n.auteurs.map(contributorDraft),
    directeurs: n.directeurs.map(contributorDraft),
    conteneur: n.conteneur?.titre ?? '',
    volume: n.conteneur?.volume ?? '',
    numero: n.conteneur?.numero ?? '',
    collection: n.collection ?? '',
    editeur: n.editeur ?? '',
    lieu: n.lieu ?? '',
    date: n.date ?? '',
    pages: n.pages ?? '',
    etendue: n.etendue ?? '',
    url: n.url ?? '',
    consulteLe: n.consulteLe ?? '',
    doi: n.doi ?? '',
    isbn: n.isbn ?? '',
    issn: n.issn ?? '',
    langue: n.langue ?? '',
    resume: n.resume ?? '',
    origineResume: n.origineResume ?? '',
    disponibilite: n.disponibilite ?? '',
    motsCles: n.motsCles,
    etiquettes: n.etiquettes.join(' ; '),
    dispositifs: n.dispositifs,
    themes: n.themes,
    publics: n.publics,
    dynamiques: n.dynamiques.map((id) => ({ id, nom: names.dynamiques?.[id] ?? id })),
    territoires: n.territoires.map((t) => ({
      ...t,
      nom: names.territoires?.[`${t.type}:${t.code}`] ?? `${t.type} ${t.code}`,
    })),
    actions: n.actions,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function contributorInput(c: ContributorDraft) {
  return c.kind === 'organisation'
    ? { organisation: c.nom.trim() }
    : { nom: c.nom.trim(), prenom: orNull(c.prenom) };
}

/** The API input of a draft; empty rows are dropped, the rest is left for the server to check. */
export function inputFromDraft(d: NoticeDraft) {
  const filled = (c: ContributorDraft) => c.nom.trim() !== '' || c.prenom.trim() !== '';
  return {
    type: d.type,
    sousType: d.type === 'texte_officiel' ? orNull(d.sousType) : null,
    titre: d.titre,
    auteurs: d.auteurs.filter(filled).map(contributorInput),
    directeurs: d.directeurs.filter(filled).map(contributorInput),
    conteneur: { titre: orNull(d.conteneur), volume: orNull(d.volume), numero: orNull(d.numero) },
    collection: orNull(d.collection),
    editeur: orNull(d.editeur),
    lieu: orNull(d.lieu),
    date: orNull(d.date),
    pages: orNull(d.pages),
    etendue: orNull(d.etendue),
    url: orNull(d.url),
    consulteLe: orNull(d.consulteLe),
    doi: orNull(d.doi),
    isbn: orNull(d.isbn),
    issn: orNull(d.issn),
    langue: orNull(d.langue),
    resume: orNull(d.resume),
    origineResume: orNull(d.origineResume),
    disponibilite: orNull(d.disponibilite),
    motsCles: d.motsCles,
    etiquettes: d.etiquettes
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean),
    dispositifs: d.dispositifs,
    themes: d.themes,
    publics: d.publics,
    dynamiques: d.dynamiques.map((x) => x.id),
    territoires: d.territoires.map(({ type, code }) => ({ type, code })),
    actions: d.actions,
  };
}

/** The form field a server error path names (`auteurs.1.nom` → `auteurs`, `conteneur.titre` → `conteneur`). */
export function fieldOfPath(path: string): NoticeField {
  const [head, sub] = path.split('.');
  if (head === 'conteneur' && (sub === 'volume' || sub === 'numero')) return sub;
  return (NOTICE_FIELDS as string[]).includes(head ?? '') ? (head as NoticeField) : 'titre';
}

const comparable = (d: NoticeDraft, f: NoticeField) => {
  const v = d[f];
  if (f === 'dynamiques') return JSON.stringify(d.dynamiques.map((x) => x.id));
  if (f === 'territoires') return JSON.stringify(d.territoires.map((t) => `${t.type}:${t.code}`));
  return JSON.stringify(v);
};

export function changedFields(from: NoticeDraft, to: NoticeDraft): NoticeField[] {
  return NOTICE_FIELDS.filter((f) => comparable(from, f) !== comparable(to, f));
}

/** My changes since `base`, carried over onto `theirs` (the version saved meanwhile). */
export function reapply(base: NoticeDraft, mine: NoticeDraft, theirs: NoticeDraft): NoticeDraft {
  const next: Record<string, unknown> = { ...theirs };
  for (const f of changedFields(base, mine)) next[f] = mine[f];
  return next as unknown as NoticeDraft;
}

const contributorText = (c: ContributorDraft) =>
  c.kind === 'organisation' ? c.nom : [c.nom.toUpperCase(), c.prenom].filter(Boolean).join(' ');

/** Names of the languages a notice may state (ISO 639-1). */
export const LANGUAGE_LABELS: Record<string, string> = {
  fr: 'Français',
  en: 'Anglais',
  es: 'Espagnol',
  de: 'Allemand',
  it: 'Italien',
  pt: 'Portugais',
  nl: 'Néerlandais',
};
export const ABSTRACT_ORIGIN_LABELS: Record<string, string> = {
  propre: 'Rédigé par le centre de ressources',
  auteur: 'De l’auteur',
  editeur: 'De l’éditeur',
};

/** Codes shown by their label when the field has a controlled vocabulary. */
const VOCABULARIES: Partial<Record<NoticeField, Record<string, string>>> = {
  type: NOTICE_TYPE_LABELS,
  sousType: OFFICIAL_TEXT_LABELS,
  langue: LANGUAGE_LABELS,
  origineResume: ABSTRACT_ORIGIN_LABELS,
  dispositifs: DISPOSITIF_LABELS,
  themes: THEME_LABELS,
  publics: AUDIENCE_LABELS,
};

/** A field's value in words, for reading two versions side by side. */
export function describeField(d: NoticeDraft, f: NoticeField): string {
  const v = d[f];
  const labels = VOCABULARIES[f];
  if (labels) {
    const codes = Array.isArray(v) ? (v as string[]) : v ? [v as string] : [];
    return codes.map((c) => (f === 'dispositifs' ? c : (labels[c] ?? c))).join(', ') || '(vide)';
  }
  if (f === 'auteurs' || f === 'directeurs') return d[f].map(contributorText).join('\n') || '(vide)';
  if (f === 'dynamiques') return d.dynamiques.map((x) => x.nom).join('\n') || '(vide)';
  if (f === 'territoires') return d.territoires.map((t) => t.nom).join('\n') || '(vide)';
  if (Array.isArray(v)) return v.join(', ') || '(vide)';
  return (v as string) || '(vide)';
}
