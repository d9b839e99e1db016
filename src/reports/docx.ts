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
  type Table,
  TextRun,
} from 'docx';
import type { ReportBlock, ReportDocument } from '../domain/reports/document.ts';
import { formatDateLong, formatDateTime } from '../domain/reports/french.ts';
import { BLUE, CELL_STYLES, docxBarChart, docxFigures, docxTable, GREY } from './docx-tables.ts';

const FONT = 'Arial';
const MARGIN = 1020; // 18 mm in twentieths of a point

/** The report as a Word document: title page, then the sections with numbered pages. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  for (const s of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.titre)] }));
    for (const b of s.blocks) body.push(...block(b));
  }
  const document = new Document({
    title: `${doc.titre} — ${doc.territoire}`,
    subject: `Situation au ${formatDateLong(doc.dateEtat)}`,
    creator: 'Observatoire DTS',
    description: doc.source,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20 },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: BLUE },
          paragraph: {
            spacing: { before: 480, after: 200 },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 4 } },
          },
        },
        heading2: {
          run: { font: FONT, size: 25, bold: true, color: BLUE },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
      },
      // Page-number fields take their size from the paragraph style, not from their run.
      paragraphStyles: [
        { id: 'PiedDePage', name: 'Pied de page', run: { font: FONT, size: 15, color: GREY } },
        ...CELL_STYLES,
      ],
    },
    sections: [
      { properties: { page: { margin: margins() } }, children: titlePage(doc) },
      {
        properties: { page: { margin: margins() } },
        footers: { default: footer(doc) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function margins() {
  return { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(b.text)] })];
    case 'list':
      return b.items.map(
        (i) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(i)] }),
      );
    case 'figures':
      return docxFigures(b.figures);
    case 'table':
      return docxTable(b.table);
    case 'chart':
      return docxBarChart(b.chart);
    case 'subsection':
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.titre)] }),
        ...b.blocks.flatMap(block),
      ];
  }
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 80 },
      children: [
        new TextRun({ text: `${label} : `, color: GREY, size: 22 }),
        new TextRun({ text: value, bold: true, size: 22 }),
      ],
    });
  return [
    new Paragraph({
      border: { left: { style: BorderStyle.SINGLE, size: 36, color: BLUE, space: 12 } },
      children: [
        new TextRun({ text: 'Observatoire DTS', bold: true, color: BLUE, size: 24 }),
        new TextRun({ text: 'Dynamiques territoriales de santé', color: GREY, size: 18, break: 1 }),
      ],
    }),
    new Paragraph({
      spacing: { before: 3600, after: 240 },
      children: [new TextRun({ text: doc.titre, bold: true, color: BLUE, size: 52 })],
    }),
    new Paragraph({
      spacing: { after: 600 },
      children: [new TextRun({ text: doc.territoire, bold: true, size: 32 })],
    }),
    line('Situation au', formatDateLong(doc.dateEtat)),
    line('Document généré le', formatDateTime(doc.genereLe)),
    line('Source', doc.source),
  ];
}

function footer(doc: ReportDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'PiedDePage',
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            children: [
              `${doc.titre} — ${doc.territoire}    Page `,
              PageNumber.CURRENT,
              ' / ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}
