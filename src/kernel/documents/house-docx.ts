import {
  Document,
  ExternalHyperlink,
  type FileChild,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import {
  HOUSE_STYLE_IDS,
  halfPoints,
  houseDocxStyles,
  houseNumbering,
  housePage,
} from './house-docx-styles.ts';
import { type DocumentIdentity, HOUSE_STYLE, type HouseStyle, NEUTRAL_IDENTITY } from './house-style.ts';

export interface HouseDocxInput {
  /** Document properties shown by word processors. */
  title: string;
  subject?: string;
  description?: string;
  identity?: DocumentIdentity;
  /** The title page: its own section, without footer. */
  titlePage: FileChild[];
  body: FileChild[];
  /** Left part of the footer of every body page; the page number goes on the right. */
  footer: string;
  style?: HouseStyle;
}

/** A Word document in the house style: title page, then the body with numbered pages. */
export function renderHouseDocx(input: HouseDocxInput): Promise<Buffer> {
  const style = input.style ?? HOUSE_STYLE;
  const page = housePage(style);
  const document = new Document({
    title: input.title,
    ...(input.subject ? { subject: input.subject } : {}),
    ...(input.description ? { description: input.description } : {}),
    creator: (input.identity ?? NEUTRAL_IDENTITY).name,
    styles: houseDocxStyles(style),
    numbering: houseNumbering(style),
    sections: [
      { properties: { page }, children: input.titlePage },
      { properties: { page }, footers: { default: houseFooter(input.footer) }, children: input.body },
    ],
  });
  return Packer.toBuffer(document);
}

/** `text` on the left, `Page n / total` against the right margin. */
export function houseFooter(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: HOUSE_STYLE_IDS.footer,
        children: [
          new TextRun({ children: [text, '\tPage ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** The publisher's mark at the top of a title page: logo if any, name, and what the document is. */
export function brandParagraph(identity: DocumentIdentity, tagline: string, style = HOUSE_STYLE): Paragraph {
  const logo = identity.logo;
  // Word sizes images in pixels at 96 dpi: 4/3 of a point.
  const image = logo
    ? [
        new ImageRun({
          type: logo.type,
          data: logo.data,
          transformation: {
            width: Math.round((logo.width * 4) / 3),
            height: Math.round((logo.height * 4) / 3),
          },
          altText: { name: identity.name, description: logo.alt ?? identity.name, title: identity.name },
        }),
        new TextRun({ text: '', break: 1 }),
      ]
    : [];
  return new Paragraph({
    style: HOUSE_STYLE_IDS.brand,
    children: [
      ...image,
      new TextRun(identity.name),
      new TextRun({
        text: tagline,
        bold: false,
        color: style.colour.muted,
        size: halfPoints(style.size.brandTagline),
        break: 1,
      }),
      ...(identity.contact
        ? [
            new TextRun({
              text: identity.contact,
              bold: false,
              color: style.colour.muted,
              size: halfPoints(style.size.brandTagline),
              break: 1,
            }),
          ]
        : []),
    ],
  });
}

/** The document title on its title page. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
}

/** A heading of level 1 to 4 (section, subsection…), deeper levels staying at 4. */
export function headingParagraph(level: number, text: string): Paragraph {
  const headings = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
  ];
  const heading = headings[Math.max(0, Math.min(level, headings.length) - 1)] ?? HeadingLevel.HEADING_1;
  return new Paragraph({ heading, children: [new TextRun(text)] });
}

/** A line of the title page under the title (author, date, count…), in the muted mention style. */
export function metaParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({ style: HOUSE_STYLE_IDS.meta, children });
}

/** Addresses inside running text, without the punctuation that ends a sentence. */
export const URL_IN_TEXT = /https?:\/\/[^\s<]+?(?=[.,;)]?(?:\s|$))/g;

/** A run of text in which each address becomes a live hyperlink (Word's own « Hyperlink » style). */
export function linkedRuns(text: string, style: Record<string, boolean>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0];
    if (m.index > at) out.push(new TextRun({ text: text.slice(at, m.index), ...style }));
    out.push(
      new ExternalHyperlink({
        link: url,
        children: [new TextRun({ text: url, ...style, style: 'Hyperlink' })],
      }),
    );
    at = m.index + url.length;
  }
  if (at < text.length) out.push(new TextRun({ text: text.slice(at), ...style }));
  return out;
}
