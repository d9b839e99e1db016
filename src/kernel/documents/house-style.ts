/**
 * The house style of every generated document (reports, sélections…), declared once. The CSS of the
 * HTML/PDF output (house-css.ts) and the Word styles (house-docx.ts) are both computed from these tokens,
 * so a document looks the same whichever module made it and whichever format was asked.
 *
 * Sober, in the spirit of the French government design system (DSFR): blue France headings, bordered
 * tables, grey backgrounds. Marianne is not shipped, so a metric-compatible system sans-serif stands in.
 */
export interface HouseStyle {
  font: {
    /** Font named in Word documents (installed everywhere, same metrics as Liberation Sans). */
    docx: string;
    /** CSS font stack: Marianne when the reader has it, then metric-compatible sans-serifs. */
    css: string;
  };
  /** Colours as six hexadecimal digits, without `#` (the form Word wants). */
  colour: {
    accent: string;
    accentLight: string;
    muted: string;
    surface: string;
    border: string;
    text: string;
    alert: string;
    grid: string;
  };
  /** Type sizes in points. */
  size: {
    /** Body text in print and Word; the screen reads it slightly larger (`bodyScreen`). */
    body: number;
    bodyScreen: number;
    title: number;
    /** Heading levels 1 to 4: a document section, its subsection… (HTML h2–h5, Word Heading 1–4). */
    headings: readonly [number, number, number, number];
    brand: number;
    brandTagline: number;
    meta: number;
    /** Captions, commentaries, table-like small print. */
    small: number;
    cell: number;
    /** Notes under tables and the page footer. */
    note: number;
    keyFigure: number;
  };
  /** Vertical rhythm in points. */
  spacing: {
    paragraphAfter: number;
    listItemAfter: number;
    /** Space before and after headings of levels 1 to 4. */
    headingBefore: readonly [number, number, number, number];
    headingAfter: readonly [number, number, number, number];
    /** Space above the document title on its title page. */
    titleBefore: number;
  };
  /** Line height as a multiple of the font size (CSS `line-height`). */
  lineHeight: number;
  /** Rule widths in points: under level-1 headings, and the bar left of the brand. */
  rule: { heading: number; brand: number };
  /** A4 page and its margins, in millimetres; the PDF footer sits in the bottom margin. */
  page: {
    width: number;
    height: number;
    margin: { top: number; right: number; bottom: number; left: number };
  };
}

export const HOUSE_STYLE: HouseStyle = {
  font: {
    docx: 'Arial',
    css: 'Marianne, Arial, "Liberation Sans", "Helvetica Neue", Helvetica, "DejaVu Sans", sans-serif',
  },
  colour: {
    accent: '000091',
    accentLight: 'E3E3FD',
    muted: '666666',
    surface: 'F6F6F6',
    border: 'B5B5B5',
    text: '161616',
    alert: 'C9191E',
    grid: 'DDDDDD',
  },
  size: {
    body: 10,
    bodyScreen: 10.5,
    title: 26,
    headings: [16, 12.5, 11, 10.5],
    brand: 12,
    brandTagline: 9,
    meta: 11,
    small: 9.5,
    cell: 8.5,
    note: 7.5,
    keyFigure: 16,
  },
  spacing: {
    paragraphAfter: 6,
    listItemAfter: 3,
    headingBefore: [22, 15, 12, 10],
    headingAfter: [9, 6, 5, 4],
    titleBefore: 100,
  },
  lineHeight: 1.4,
  rule: { heading: 1.5, brand: 4.5 },
  page: { width: 210, height: 297, margin: { top: 16, right: 15, bottom: 18, left: 15 } },
};

/** Who publishes the document: the title page and the document properties carry it. */
export interface DocumentIdentity {
  name: string;
  logo?: DocumentLogo;
  /** How to reach the publisher (e-mail or web address), under the tagline of title pages. */
  contact?: string;
}

/** A raster logo shown before the name on title pages, at the given size in points. */
export interface DocumentLogo {
  type: 'png' | 'jpg';
  data: Uint8Array;
  width: number;
  height: number;
  /** Text alternative; the name when absent. */
  alt?: string;
}

/** Until an operator declares its own identity, documents carry the platform's name and no logo. */
export const NEUTRAL_IDENTITY: DocumentIdentity = { name: 'Observatoire DTS' };

/** Width left for text between the side margins, in millimetres. */
export function textWidthMm(style: HouseStyle = HOUSE_STYLE): number {
  return style.page.width - style.page.margin.left - style.page.margin.right;
}
