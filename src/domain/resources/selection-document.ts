import { formatDateLong, MONTHS } from '../reports/french.ts';
import { foldText } from '../text/normalize.ts';
import type { Contributor, NoticeInput } from './schemas.ts';
import type { GlossaryTerm, SelectionInput, SelectionOrder, SelectionSection } from './selection-schemas.ts';

/**
 * A sélection laid out as a document, before any format: sections numbered, notices ordered and
 * numbered in document order, citation markers resolved to those numbers. Renderers only lay it out.
 */

/** A citation of notices in a text: `[[id]]` or `[[id1, id2]]`. */
const MARKER = /\[\[([^[\]]+)\]\]/g;

/** A piece of text, or the numbers of the notices it cites, rendered "(3, 12)". */
export type TextPart = { text: string } | { cite: number[] };
export type Paragraph = TextPart[];

export interface NumberedEntry {
  numero: number;
  noticeId: string;
  notice: NoticeInput;
  commentaire: Paragraph[];
  /** The notice was already listed in an earlier section: it keeps its first number. */
  repetition: boolean;
}

export interface DocumentSection {
  id: string;
  /** "2.1", or null when the title carries its own numbering ("1. Textes de loi"). */
  numero: string | null;
  titre: string;
  niveau: number;
  presentation: Paragraph[];
  sitographie: boolean;
  entries: NumberedEntry[];
  sections: DocumentSection[];
}

export interface TocLine {
  id: string;
  niveau: number;
  libelle: string;
}

export interface SelectionDocument {
  titre: string;
  date: string | null;
  auteurs: string;
  /** The organisations among the authors, in order: the first publishes the document. */
  organisations: string[];
  /** Its logo, a `data:` address, if the sélection has one. */
  logo: string | null;
  introduction: Paragraph[];
  sections: DocumentSection[];
  glossaire: GlossaryTerm[];
  sommaire: TocLine[];
  /** Every notice once, in the order of its number. */
  references: { numero: number; noticeId: string; notice: NoticeInput }[];
}

/** The composer's preview (POST /api/selections/apercu): the page as it will be published, its
 * table of contents and its numbered references. */
export interface SelectionPreview {
  html: string;
  sommaire: TocLine[];
  references: {
    numero: number;
    notice: string;
    titre: string;
    date: string | null;
    type: string;
    texte: string;
  }[];
}

/** The ids cited by `[[…]]` markers in a text, in order of appearance. */
export function citedIds(text: string | null): string[] {
  if (!text) return [];
  return [...text.matchAll(MARKER)].flatMap((m) =>
    (m[1] as string)
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Rewrites marker ids (e.g. seed keys → notice ids); unknown keys are left as they are. */
export function rewriteMarkers(text: string, map: (key: string) => string | undefined): string {
  return text.replace(MARKER, (_, inner: string) => {
    const ids = inner.split(/[,;]/).map((s) => s.trim());
    return `[[${ids.map((k) => map(k) ?? k).join(', ')}]]`;
  });
}

/** Paragraphs of a text, each cut into text and citations. */
export function paragraphs(text: string | null, numberOf: (id: string) => number | undefined): Paragraph[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const parts: Paragraph = [];
      let last = 0;
      for (const m of p.matchAll(MARKER)) {
        if (m.index > last) parts.push({ text: p.slice(last, m.index) });
        const numbers = citedIds(m[0]).flatMap((id) => {
          const n = numberOf(id);
          return n === undefined ? [] : [n];
        });
        parts.push(numbers.length > 0 ? { cite: numbers } : { text: m[0] });
        last = m.index + m[0].length;
      }
      if (last < p.length) parts.push({ text: p.slice(last) });
      return parts;
    });
}

/** "(3, 12)" */
export const citationLabel = (numbers: number[]) => `(${numbers.join(', ')})`;

export function paragraphText(p: Paragraph): string {
  return p.map((part) => ('text' in part ? part.text : citationLabel(part.cite))).join('');
}

const contributorSortKey = (c: Contributor | undefined) =>
  c ? foldText('organisation' in c ? c.organisation : `${c.nom} ${c.prenom ?? ''}`) : '';

/** Undated notices go last in either chronological order. */
function compareDates(a: string | null, b: string | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -direction : direction;
}

/** The notices of one section in the requested order; equal keys keep the order entered. */
export function orderEntries<T extends { notice: NoticeInput }>(entries: T[], order: SelectionOrder): T[] {
  const list = [...entries];
  switch (order) {
    case 'manuel':
      return list;
    case 'antechronologique':
      return list.sort((a, b) => compareDates(a.notice.date, b.notice.date, -1));
    case 'chronologique':
      return list.sort((a, b) => compareDates(a.notice.date, b.notice.date, 1));
    case 'alphabetique':
      return list.sort((a, b) => {
        const ka = contributorSortKey(a.notice.auteurs[0]) || foldText(a.notice.titre);
        const kb = contributorSortKey(b.notice.auteurs[0]) || foldText(b.notice.titre);
        return ka.localeCompare(kb, 'fr') || foldText(a.notice.titre).localeCompare(foldText(b.notice.titre));
      });
  }
}

/** A title that already starts with its number is not numbered again. */
export function hasOwnNumber(title: string): boolean {
  // "1.", "1.2", "1)", "IV." or "IV –", "A." — but not a year ("2020 en chiffres") nor an acronym ("CV et santé").
  return /^(\d{1,3}(\.\d{1,3})*[.)]|\d{1,3}(\.\d{1,3})+|[IVXLC]+(\.|\s[–—-])|[A-Z]\.)(\s|$)/.test(title);
}

/** "1. Textes", "1.2 Guides", or the title alone when it carries its own number. */
export function sectionHeading(s: { numero: string | null; titre: string }): string {
  if (!s.numero) return s.titre;
  return s.numero.includes('.') ? `${s.numero} ${s.titre}` : `${s.numero}. ${s.titre}`;
}

export function contributorLabel(c: Contributor): string {
  return 'organisation' in c ? c.organisation : [c.prenom, c.nom].filter(Boolean).join(' ');
}

/**
 * Builds the document. `notices` holds the notices that still exist; an entry whose notice was deleted
 * since is left out (its number is not reserved).
 */
export function buildSelectionDocument(
  selection: SelectionInput,
  notices: Map<string, NoticeInput>,
): SelectionDocument {
  const numbers = new Map<string, number>();
  const references: SelectionDocument['references'] = [];
  // A consultation date given to an entry (a sitography's) dates the notice's reference everywhere.
  const consulted = new Map<string, string>();
  const collect = (sections: SelectionSection[]) => {
    for (const s of sections) {
      for (const e of s.notices)
        if (e.consulteLe && !consulted.has(e.notice)) consulted.set(e.notice, e.consulteLe);
      collect(s.sections);
    }
  };
  collect(selection.sections);
  const noticeOf = (id: string): NoticeInput | undefined => {
    const notice = notices.get(id);
    const date = consulted.get(id);
    return notice && date ? { ...notice, consulteLe: date } : notice;
  };
  const ordered = (s: SelectionSection) =>
    orderEntries(
      s.notices.flatMap((e) => {
        const notice = noticeOf(e.notice);
        return notice ? [{ id: e.notice, commentaire: e.commentaire, notice }] : [];
      }),
      s.ordre,
    );
  // Numbers are given in reading order: a section's notices, then its subsections.
  const numberEntries = (sections: SelectionSection[]) => {
    for (const s of sections) {
      for (const e of ordered(s)) {
        if (numbers.has(e.id)) continue;
        numbers.set(e.id, references.length + 1);
        references.push({ numero: references.length + 1, noticeId: e.id, notice: e.notice });
      }
      numberEntries(s.sections);
    }
  };
  numberEntries(selection.sections);
  const numberOf = (id: string) => numbers.get(id);

  const seen = new Set<string>();
  const build = (sections: SelectionSection[], parent: string | null, niveau: number): DocumentSection[] =>
    sections.map((s, i) => {
      const path = parent ? `${parent}.${i + 1}` : String(i + 1);
      const entries = ordered(s).map((e): NumberedEntry => {
        const repetition = seen.has(e.id);
        seen.add(e.id);
        return {
          numero: numbers.get(e.id) as number,
          noticeId: e.id,
          notice: e.notice,
          commentaire: paragraphs(e.commentaire, numberOf),
          repetition,
        };
      });
      return {
        id: `section-${path.replaceAll('.', '-')}`,
        numero: hasOwnNumber(s.titre) ? null : path,
        titre: s.titre,
        niveau,
        presentation: paragraphs(s.presentation, numberOf),
        sitographie: s.sitographie,
        entries,
        sections: build(s.sections, path, niveau + 1),
      };
    });
  const sections = build(selection.sections, null, 1);

  const sommaire: TocLine[] = [];
  const toc = (list: DocumentSection[]) => {
    for (const s of list) {
      sommaire.push({ id: s.id, niveau: s.niveau, libelle: sectionHeading(s) });
      toc(s.sections);
    }
  };
  toc(sections);
  const glossaire = [...selection.glossaire].sort((a, b) =>
    foldText(a.sigle).localeCompare(foldText(b.sigle), 'fr'),
  );
  if (glossaire.length > 0) sommaire.push({ id: 'glossaire', niveau: 1, libelle: 'Annexe : glossaire' });

  return {
    titre: selection.titre,
    date: selection.date,
    auteurs: selection.auteurs.map(contributorLabel).join(', '),
    organisations: selection.auteurs.flatMap((a) => ('organisation' in a ? [a.organisation] : [])),
    logo: selection.logo ?? null,
    introduction: paragraphs(selection.introduction, numberOf),
    sections,
    glossaire,
    sommaire,
    references,
  };
}

/** "2023" → "2023", "2023-05" → "mai 2023", "2023-05-01" → "1er mai 2023". */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y as string;
  return d ? formatDateLong(date) : `${month} ${y}`;
}
