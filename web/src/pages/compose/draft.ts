import { DEFAULT_SELECTION_ORDER, type SelectionOrder } from '@domain/resources/selection-constants.ts';
import type { SelectionInputRaw } from '@domain/resources/selection-schemas.ts';
import type { Selection } from '../../api/types.ts';

/**
 * The composer's working copy of a sélection: plain strings for every field and a key per row, so
 * that React keeps focus and state on a row that moves. Keys never reach the server.
 */
export interface EntryDraft {
  cle: string;
  notice: string;
  commentaire: string;
  /** A sitography's entry: when the site was checked (AAAA-MM-JJ), or empty. */
  consulteLe: string;
}

export interface SectionDraft {
  cle: string;
  titre: string;
  presentation: string;
  ordre: SelectionOrder;
  sitographie: boolean;
  notices: EntryDraft[];
  sections: SectionDraft[];
}

export interface AuthorDraft {
  cle: string;
  genre: 'personne' | 'organisation';
  nom: string;
  prenom: string;
  organisation: string;
}

export interface TermDraft {
  cle: string;
  sigle: string;
  forme: string;
  definition: string;
}

export interface SelectionDraft {
  titre: string;
  date: string;
  auteurs: AuthorDraft[];
  introduction: string;
  sections: SectionDraft[];
  glossaire: TermDraft[];
  /** Logo of the author organisation, a `data:` address; empty for none. */
  logo: string;
}

let counter = 0;
/** A key unique within the page. */
export const newKey = () => `k${++counter}`;

export const emptySection = (titre = ''): SectionDraft => ({
  cle: newKey(),
  titre,
  presentation: '',
  ordre: DEFAULT_SELECTION_ORDER,
  sitographie: false,
  notices: [],
  sections: [],
});

export const newEntry = (notice: string): EntryDraft => ({
  cle: newKey(),
  notice,
  commentaire: '',
  consulteLe: '',
});

export const emptyAuthor = (): AuthorDraft => ({
  cle: newKey(),
  genre: 'personne',
  nom: '',
  prenom: '',
  organisation: '',
});

export const emptyTerm = (): TermDraft => ({ cle: newKey(), sigle: '', forme: '', definition: '' });

/** A new sélection: dated today (year and month, as documentalists date them), one empty section. */
export function emptyDraft(today = new Date()): SelectionDraft {
  return {
    titre: '',
    date: today.toISOString().slice(0, 7),
    auteurs: [],
    introduction: '',
    sections: [emptySection()],
    glossaire: [],
    logo: '',
  };
}

function sectionDraft(s: Selection['sections'][number]): SectionDraft {
  return {
    cle: newKey(),
    titre: s.titre,
    presentation: s.presentation ?? '',
    ordre: s.ordre,
    sitographie: s.sitographie,
    notices: s.notices.map((e) => ({
      cle: newKey(),
      notice: e.notice,
      commentaire: e.commentaire ?? '',
      consulteLe: e.consulteLe ?? '',
    })),
    sections: s.sections.map(sectionDraft),
  };
}

export function draftFromSelection(s: Selection): SelectionDraft {
  return {
    titre: s.titre,
    date: s.date ?? '',
    auteurs: s.auteurs.map((a) =>
      'organisation' in a
        ? { ...emptyAuthor(), genre: 'organisation', organisation: a.organisation }
        : { ...emptyAuthor(), nom: a.nom, prenom: a.prenom ?? '' },
    ),
    introduction: s.introduction ?? '',
    sections: s.sections.map(sectionDraft),
    glossaire: s.glossaire.map((g) => ({
      cle: newKey(),
      sigle: g.sigle,
      forme: g.forme,
      definition: g.definition ?? '',
    })),
    logo: s.logo ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s : null);

function sectionInput(s: SectionDraft): NonNullable<SelectionInputRaw['sections']>[number] {
  return {
    titre: s.titre,
    presentation: orNull(s.presentation),
    ordre: s.ordre,
    sitographie: s.sitographie,
    notices: s.notices.map((e) => ({
      notice: e.notice,
      commentaire: orNull(e.commentaire),
      // Only a sitography dates its entries; a date left in a section that no longer is one is dropped.
      consulteLe: s.sitographie ? orNull(e.consulteLe) : null,
    })),
    sections: s.sections.map(sectionInput),
  };
}

/** The body of POST/PUT /api/selections: the fields as the schema names them, no keys. */
export function inputFromDraft(d: SelectionDraft): SelectionInputRaw {
  return {
    titre: d.titre,
    date: orNull(d.date.trim()),
    auteurs: d.auteurs.map((a) =>
      a.genre === 'organisation'
        ? { organisation: a.organisation }
        : { nom: a.nom, prenom: orNull(a.prenom) },
    ),
    introduction: orNull(d.introduction),
    sections: d.sections.map(sectionInput),
    glossaire: d.glossaire.map((g) => ({ sigle: g.sigle, forme: g.forme, definition: orNull(g.definition) })),
    logo: d.logo || null,
  };
}

/** Every notice id of the draft, once, in the order entered. */
export function draftNotices(sections: SectionDraft[]): string[] {
  const ids = new Set<string>();
  const walk = (list: SectionDraft[]) => {
    for (const s of list) {
      for (const e of s.notices) ids.add(e.notice);
      walk(s.sections);
    }
  };
  walk(sections);
  return [...ids];
}

/** Whether two drafts would save the same sélection (keys aside). */
export const sameInput = (a: SelectionDraft, b: SelectionDraft) =>
  JSON.stringify(inputFromDraft(a)) === JSON.stringify(inputFromDraft(b));

/** The parts of a sélection compared when two people edited it at once. */
export const DRAFT_PARTS = ['titre', 'date', 'auteurs', 'introduction', 'sections', 'glossaire'] as const;
export type DraftPart = (typeof DRAFT_PARTS)[number];

const partValue = (d: SelectionDraft, part: DraftPart) => JSON.stringify(inputFromDraft(d)[part] ?? null);

/** The parts that differ between two drafts. */
export const changedParts = (a: SelectionDraft, b: SelectionDraft): DraftPart[] =>
  DRAFT_PARTS.filter((p) => partValue(a, p) !== partValue(b, p));

/** The saved version with the parts the user changed since `base` taken from `mine`. */
export function reapplyParts(
  base: SelectionDraft,
  mine: SelectionDraft,
  current: SelectionDraft,
): SelectionDraft {
  const out = { ...current };
  for (const part of changedParts(base, mine)) (out as Record<DraftPart, unknown>)[part] = mine[part];
  return out;
}
