import { ImageRun, Paragraph, type Table, TableOfContents, TextRun } from 'docx';
import type { ReportBlock, ReportDocument } from '../domain/reports/document.ts';
import { formatDateLong, formatDateTime } from '../domain/reports/french.ts';
import {
  brandParagraph,
  headingParagraph,
  linkedRuns,
  metaParagraph,
  renderHouseDocx,
  titleParagraph,
} from '../kernel/documents/house-docx.ts';
import { HOUSE_STYLE_IDS, halfPoints } from '../kernel/documents/house-docx-styles.ts';
import { type DocumentIdentity, HOUSE_STYLE, NEUTRAL_IDENTITY } from '../kernel/documents/house-style.ts';
import { docxBarChart, docxFigures, docxTable } from './docx-tables.ts';
import { reportFooterText } from './html.ts';
import { mapPng, mapRatio } from './map/territory-map.ts';

/** The report as a Word document in the house style: title page, then the sections with numbered pages. */
export async function renderDocx(
  doc: ReportDocument,
  identity: DocumentIdentity = NEUTRAL_IDENTITY,
): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  for (const s of doc.sections) {
    body.push(headingParagraph(1, s.titre));
    for (const b of s.blocks) body.push(...block(b));
  }
  return renderHouseDocx({
    title: `${doc.titre} — ${doc.territoire}`,
    subject: `Situation au ${formatDateLong(doc.dateEtat)}`,
    description: doc.source,
    identity,
    titlePage: titlePage(doc, identity),
    body,
    footer: reportFooterText(doc),
  });
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ style: HOUSE_STYLE_IDS.body, children: linkedRuns(b.text, {}) })];
    case 'list':
      // Addresses in the text (readings, sources) become live links.
      return b.items.map(
        (i) =>
          new Paragraph({
            numbering: { reference: HOUSE_STYLE_IDS.bullets, level: 0 },
            children: linkedRuns(i, {}),
          }),
      );
    case 'figures':
      return docxFigures(b.figures);
    case 'table':
      return docxTable(b.table);
    case 'chart':
      return docxBarChart(b.chart);
    case 'map':
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: mapPng(b.svg),
              // 16 cm wide on the page: Word sizes images in pixels at 96 dpi.
              transformation: { width: 605, height: Math.round(605 * mapRatio(b.svg)) },
              altText: { name: 'Carte', description: b.legende, title: 'Carte du territoire' },
            }),
          ],
        }),
        new Paragraph({
          style: HOUSE_STYLE_IDS.body,
          children: [new TextRun({ text: b.legende, italics: true })],
        }),
      ];
    case 'subsection':
      return [headingParagraph(2, b.titre), ...b.blocks.flatMap(block)];
  }
}

/**
 * A real table of contents field over the sections and subsections: Word offers to update it on opening
 * (page numbers included); readers that never update fields show the entries it carries.
 */
function contents(doc: ReportDocument): TableOfContents {
  const entries = doc.sections.flatMap((s) => [
    { title: s.titre, level: 1 },
    ...s.blocks.flatMap((b) => (b.kind === 'subsection' ? [{ title: b.titre, level: 2 }] : [])),
  ]);
  return new TableOfContents('Sommaire', {
    hyperlink: true,
    headingStyleRange: '1-2',
    cachedEntries: entries,
    beginDirty: true,
  });
}

function titlePage(doc: ReportDocument, identity: DocumentIdentity): (Paragraph | TableOfContents)[] {
  const line = (label: string, value: string) =>
    metaParagraph([
      new TextRun(`${label} : `),
      new TextRun({ text: value, bold: true, color: HOUSE_STYLE.colour.text }),
    ]);
  return [
    brandParagraph(identity, 'Dynamiques territoriales de santé'),
    titleParagraph(doc.titre),
    new Paragraph({
      spacing: { after: 600 },
      children: [
        new TextRun({ text: doc.territoire, bold: true, size: halfPoints(HOUSE_STYLE.size.headings[0]) }),
      ],
    }),
    line('Situation au', formatDateLong(doc.dateEtat)),
    line('Document généré le', formatDateTime(doc.genereLe)),
    line('Source', doc.source),
    headingParagraph(2, 'Sommaire'),
    contents(doc),
  ];
}
