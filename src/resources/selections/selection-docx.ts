import { BorderStyle, Paragraph, type ParagraphChild, TableOfContents, TextRun } from 'docx';
import {
  type DocumentSection,
  formatPartialDate,
  type NumberedEntry,
  paragraphText,
  type SelectionDocument,
  sectionHeading,
} from '../../domain/resources/selection-document.ts';
import {
  brandParagraph,
  headingParagraph,
  linkedRuns,
  metaParagraph,
  renderHouseDocx,
  titleParagraph,
} from '../../kernel/documents/house-docx.ts';
import { eighths, HOUSE_STYLE_IDS, halfPoints } from '../../kernel/documents/house-docx-styles.ts';
import { type DocumentIdentity, HOUSE_STYLE, NEUTRAL_IDENTITY } from '../../kernel/documents/house-style.ts';
import { decodeEntities } from '../formats/documentalist-style.ts';
import { type References, selectionFooterText } from './selection-html.ts';

const { colour } = HOUSE_STYLE;
const HANGING = 640; // the reference number hangs in the left margin of its paragraph

/** Addresses in a reference's text (the trailing full stop or bracket stays outside). */
/** The formatted reference (citeproc's HTML: italics, bold, small caps) as Word runs, addresses linked. */
export function referenceRuns(html: string): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const state = { italics: false, bold: false, smallCaps: false, superScript: false };
  const stack: (keyof typeof state | null)[] = [];
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token) continue;
    if (token.startsWith('<')) {
      const close = token.startsWith('</');
      if (close) {
        const flag = stack.pop();
        if (flag) state[flag] = false;
        continue;
      }
      const flag = /^<(i|em)\b/.test(token)
        ? 'italics'
        : /^<(b|strong)\b/.test(token)
          ? 'bold'
          : /small-caps/.test(token)
            ? 'smallCaps'
            : /^<sup\b/.test(token)
              ? 'superScript'
              : null;
      if (flag) state[flag] = true;
      stack.push(flag);
      continue;
    }
    runs.push(...linkedRuns(decodeEntities(token), { ...state }));
  }
  return runs;
}

function entryParagraphs(entry: NumberedEntry, refs: References): Paragraph[] {
  const ref = refs.get(entry.noticeId);
  const out = [
    new Paragraph({
      indent: { left: HANGING, hanging: HANGING },
      spacing: { after: entry.commentaire.length > 0 ? 40 : 140 },
      keepNext: entry.commentaire.length > 0,
      children: [
        new TextRun({ text: `(${entry.numero})\t`, bold: true, color: colour.accent }),
        ...(ref ? referenceRuns(ref.html) : [new TextRun(entry.notice.titre)]),
        ...(entry.repetition
          ? [new TextRun({ text: ` (déjà citée sous le n° ${entry.numero})`, color: colour.muted })]
          : []),
      ],
      tabStops: [{ type: 'left', position: HANGING }],
    }),
  ];
  for (const [i, p] of entry.commentaire.entries()) {
    out.push(
      new Paragraph({
        indent: { left: HANGING },
        spacing: { after: i === entry.commentaire.length - 1 ? 140 : 40 },
        border: { left: { style: BorderStyle.SINGLE, size: eighths(1.5), color: colour.accent, space: 6 } },
        children: [
          new TextRun({ text: paragraphText(p), italics: true, size: halfPoints(HOUSE_STYLE.size.small) }),
        ],
      }),
    );
  }
  return out;
}

function sectionParagraphs(s: DocumentSection, refs: References): Paragraph[] {
  return [
    headingParagraph(s.niveau, sectionHeading(s)),
    ...s.presentation.map(
      (p) =>
        new Paragraph({
          style: HOUSE_STYLE_IDS.body,
          children: [new TextRun({ text: paragraphText(p), italics: true })],
        }),
    ),
    ...s.entries.flatMap((x) => entryParagraphs(x, refs)),
    ...s.sections.flatMap((c) => sectionParagraphs(c, refs)),
  ];
}

/**
 * A table of contents field over the headings: Word asks to update it on opening (page numbers
 * included); until then, and in readers that never update fields, it shows the headings it lists.
 */
function contents(doc: SelectionDocument): TableOfContents {
  const entries = [
    ...(doc.introduction.length > 0 ? [{ title: 'Introduction', level: 1 }] : []),
    ...doc.sommaire.map((l) => ({ title: l.libelle, level: Math.min(l.niveau, 4) })),
  ];
  return new TableOfContents('Sommaire', {
    hyperlink: true,
    headingStyleRange: '1-4',
    cachedEntries: entries,
    beginDirty: true,
  });
}

function titlePage(doc: SelectionDocument, identity: DocumentIdentity): (Paragraph | TableOfContents)[] {
  const meta = (text: string) => metaParagraph([new TextRun(text)]);
  return [
    brandParagraph(identity, 'Centre de ressources — sélection bibliographique'),
    titleParagraph(doc.titre),
    ...(doc.auteurs ? [meta(doc.auteurs)] : []),
    ...(doc.date ? [meta(formatPartialDate(doc.date))] : []),
    meta(`${doc.references.length} référence${doc.references.length > 1 ? 's' : ''}`),
    headingParagraph(2, 'Sommaire'),
    contents(doc),
  ];
}

/** The sélection as a Word document in the house style: title page with contents, then the sections. */
export async function renderSelectionDocx(
  doc: SelectionDocument,
  refs: References,
  identity: DocumentIdentity = NEUTRAL_IDENTITY,
): Promise<Buffer> {
  const body: Paragraph[] = [];
  if (doc.introduction.length > 0) {
    body.push(headingParagraph(1, 'Introduction'));
    for (const p of doc.introduction)
      body.push(new Paragraph({ style: HOUSE_STYLE_IDS.body, children: [new TextRun(paragraphText(p))] }));
  }
  for (const s of doc.sections) body.push(...sectionParagraphs(s, refs));
  if (doc.glossaire.length > 0) {
    body.push(headingParagraph(1, 'Annexe : glossaire'));
    for (const g of doc.glossaire)
      body.push(
        new Paragraph({
          spacing: { after: 80 },
          children: [
            new TextRun({ text: g.sigle, bold: true }),
            new TextRun(` : ${g.forme}${g.definition ? ` — ${g.definition}` : ''}`),
          ],
        }),
      );
  }
  return renderHouseDocx({
    title: doc.titre,
    subject: 'Sélection bibliographique',
    identity,
    titlePage: titlePage(doc, identity),
    body,
    footer: selectionFooterText(doc),
  });
}
