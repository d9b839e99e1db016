import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import {
  type DocumentSection,
  formatPartialDate,
  type NumberedEntry,
  paragraphText,
  type SelectionDocument,
  sectionHeading,
} from '../../domain/resources/selection-document.ts';
import { decodeEntities } from '../formats/documentalist-style.ts';
import type { References } from './selection-html.ts';

const FONT = 'Arial';
const BLUE = '000091';
const GREY = '666666';
const MARGIN = 1020; // 18 mm in twentieths of a point
const HANGING = 640; // the reference number hangs in the left margin of its paragraph
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

/** The formatted reference (citeproc's HTML: italics, bold, small caps) as Word runs. */
export function referenceRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
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
    runs.push(new TextRun({ text: decodeEntities(token), ...state }));
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
        new TextRun({ text: `(${entry.numero})\t`, bold: true, color: BLUE }),
        ...(ref ? referenceRuns(ref.html) : [new TextRun(entry.notice.titre)]),
        ...(entry.repetition
          ? [new TextRun({ text: ` (déjà citée sous le n° ${entry.numero})`, color: GREY })]
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
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 6 } },
        children: [new TextRun({ text: paragraphText(p), italics: true, size: 19 })],
      }),
    );
  }
  return out;
}

function sectionParagraphs(s: DocumentSection, refs: References): Paragraph[] {
  const heading = HEADINGS[Math.min(s.niveau, HEADINGS.length) - 1];
  return [
    new Paragraph({ heading, children: [new TextRun(sectionHeading(s))] }),
    ...s.presentation.map(
      (p) => new Paragraph({ children: [new TextRun({ text: paragraphText(p), italics: true })] }),
    ),
    ...s.entries.flatMap((x) => entryParagraphs(x, refs)),
    ...s.sections.flatMap((c) => sectionParagraphs(c, refs)),
  ];
}

function titlePage(doc: SelectionDocument): Paragraph[] {
  const meta = (text: string) =>
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, color: GREY, size: 24 })] });
  const toc = doc.sommaire.map(
    (l) =>
      new Paragraph({
        indent: { left: (l.niveau - 1) * 360 },
        spacing: { after: 40 },
        children: [new TextRun(l.libelle)],
      }),
  );
  return [
    new Paragraph({
      border: { left: { style: BorderStyle.SINGLE, size: 36, color: BLUE, space: 12 } },
      children: [
        new TextRun({ text: 'Observatoire DTS', bold: true, color: BLUE, size: 24 }),
        new TextRun({
          text: 'Centre de ressources — sélection bibliographique',
          color: GREY,
          size: 18,
          break: 1,
        }),
      ],
    }),
    new Paragraph({
      spacing: { before: 1800, after: 240 },
      children: [new TextRun({ text: doc.titre, bold: true, color: BLUE, size: 48 })],
    }),
    ...(doc.auteurs ? [meta(doc.auteurs)] : []),
    ...(doc.date ? [meta(formatPartialDate(doc.date))] : []),
    meta(`${doc.references.length} référence${doc.references.length > 1 ? 's' : ''}`),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: false,
      children: [new TextRun('Sommaire')],
    }),
    ...(doc.introduction.length > 0
      ? [new Paragraph({ spacing: { after: 40 }, children: [new TextRun('Introduction')] })]
      : []),
    ...toc,
  ];
}

/** The sélection as a Word document: title page with contents, then the sections with numbered pages. */
export async function renderSelectionDocx(doc: SelectionDocument, refs: References): Promise<Buffer> {
  const body: Paragraph[] = [];
  if (doc.introduction.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Introduction')] }));
    for (const p of doc.introduction)
      body.push(
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(paragraphText(p))] }),
      );
  }
  for (const s of doc.sections) body.push(...sectionParagraphs(s, refs));
  if (doc.glossaire.length > 0) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Annexe : glossaire')] }),
    );
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
  const margin = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
  const document = new Document({
    title: doc.titre,
    subject: 'Sélection bibliographique',
    creator: 'Observatoire DTS',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20 },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: BLUE },
          paragraph: {
            spacing: { before: 420, after: 180 },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 4 } },
          },
        },
        heading2: {
          run: { font: FONT, size: 25, bold: true, color: BLUE },
          paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: BLUE },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
        heading4: {
          run: { font: FONT, size: 21, bold: true, color: BLUE },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
      paragraphStyles: [
        { id: 'PiedDePage', name: 'Pied de page', run: { font: FONT, size: 15, color: GREY } },
      ],
    },
    sections: [
      { properties: { page: { margin } }, children: titlePage(doc) },
      {
        properties: { page: { margin } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'PiedDePage',
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [`${doc.titre}    Page `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
