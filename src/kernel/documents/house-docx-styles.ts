import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
} from 'docx';
import { HOUSE_STYLE, type HouseStyle, textWidthMm } from './house-style.ts';

/** Word measures run sizes in half-points, spacing in twentieths of a point, borders in eighths. */
export const halfPoints = (points: number) => Math.round(points * 2);
export const twips = (points: number) => Math.round(points * 20);
export const eighths = (points: number) => Math.round(points * 8);
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Word's "single" line is about 1.15 em for Arial: line spacing is expressed relative to it. */
const WORD_SINGLE_LINE_EM = 1.15;

/** Ids of the paragraph styles and of the bullet numbering every house document declares. */
export const HOUSE_STYLE_IDS = {
  title: 'Title',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  body: 'Corps',
  meta: 'Meta',
  brand: 'Marque',
  caption: 'Legende',
  note: 'Note',
  footer: 'PiedDePage',
  cell: 'Cellule',
  cellNumber: 'CelluleNombre',
  cellHead: 'CelluleEntete',
  cellHeadNumber: 'CelluleEnteteNombre',
  cellFoot: 'CellulePied',
  cellFootNumber: 'CellulePiedNombre',
  bullets: 'puces',
} as const;

/** Width left for text between the side margins, in twips (tables and tab stops span it). */
export function textWidthTwips(style: HouseStyle = HOUSE_STYLE): number {
  return mmToTwips(textWidthMm(style));
}

/** Section page settings: A4 and the house margins. */
export function housePage(style: HouseStyle = HOUSE_STYLE) {
  const m = style.page.margin;
  return {
    size: { width: mmToTwips(style.page.width), height: mmToTwips(style.page.height) },
    margin: {
      top: mmToTwips(m.top),
      right: mmToTwips(m.right),
      bottom: mmToTwips(m.bottom),
      left: mmToTwips(m.left),
      // The footer line sits halfway down the bottom margin, as in Chromium's PDF.
      footer: mmToTwips(m.bottom / 2),
    },
  };
}

function headingStyle(style: HouseStyle, level: 0 | 1 | 2 | 3) {
  const { colour, size, spacing } = style;
  return {
    run: { font: style.font.docx, size: halfPoints(size.headings[level]), bold: true, color: colour.accent },
    paragraph: {
      spacing: { before: twips(spacing.headingBefore[level]), after: twips(spacing.headingAfter[level]) },
      keepNext: true,
      ...(level === 0
        ? {
            border: {
              bottom: {
                style: BorderStyle.SINGLE,
                size: eighths(style.rule.heading),
                color: colour.accent,
                space: 4,
              },
            },
          }
        : {}),
    },
  };
}

/**
 * Table cell formats as paragraph styles: a regional list has thousands of cells, and the `docx`
 * serialiser's time grows with every property written on each of them.
 */
function cellStyles(style: HouseStyle): IParagraphStyleOptions[] {
  const ids = HOUSE_STYLE_IDS;
  const right = { alignment: AlignmentType.RIGHT };
  return [
    {
      id: ids.cell,
      name: 'Cellule',
      run: { size: halfPoints(style.size.cell) },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    { id: ids.cellNumber, name: 'Cellule nombre', basedOn: ids.cell, paragraph: right },
    { id: ids.cellHead, name: 'Cellule en-tête', basedOn: ids.cell, run: { bold: true, color: 'FFFFFF' } },
    { id: ids.cellHeadNumber, name: 'Cellule en-tête nombre', basedOn: ids.cellHead, paragraph: right },
    { id: ids.cellFoot, name: 'Cellule total', basedOn: ids.cell, run: { bold: true } },
    { id: ids.cellFootNumber, name: 'Cellule total nombre', basedOn: ids.cellFoot, paragraph: right },
  ];
}

/** The Word styles of a house document, from the same tokens as the CSS of its HTML/PDF twin. */
export function houseDocxStyles(style: HouseStyle = HOUSE_STYLE): IStylesOptions {
  const { colour, size, spacing } = style;
  const ids = HOUSE_STYLE_IDS;
  const font = style.font.docx;
  return {
    default: {
      document: {
        run: { font, size: halfPoints(size.body), color: colour.text },
        paragraph: {
          spacing: {
            after: twips(spacing.paragraphAfter),
            line: Math.round((240 * style.lineHeight) / WORD_SINGLE_LINE_EM),
            lineRule: LineRuleType.AUTO,
          },
        },
      },
      title: {
        run: { font, size: halfPoints(size.title), bold: true, color: colour.accent },
        paragraph: { spacing: { before: twips(spacing.titleBefore), after: twips(spacing.headingAfter[0]) } },
      },
      heading1: headingStyle(style, 0),
      heading2: headingStyle(style, 1),
      heading3: headingStyle(style, 2),
      heading4: headingStyle(style, 3),
    },
    paragraphStyles: [
      { id: ids.body, name: 'Corps de texte', paragraph: { alignment: AlignmentType.JUSTIFIED } },
      {
        id: ids.meta,
        name: 'Mention',
        run: { size: halfPoints(size.meta), color: colour.muted },
        paragraph: { spacing: { after: twips(4) } },
      },
      {
        id: ids.brand,
        name: 'Marque',
        run: { size: halfPoints(size.brand), bold: true, color: colour.accent },
        paragraph: {
          border: {
            left: {
              style: BorderStyle.SINGLE,
              size: eighths(style.rule.brand),
              color: colour.accent,
              space: 12,
            },
          },
        },
      },
      {
        id: ids.caption,
        name: 'Légende',
        run: { size: halfPoints(size.small), bold: true },
        paragraph: { keepNext: true, spacing: { before: twips(8), after: twips(3) } },
      },
      {
        id: ids.note,
        name: 'Note',
        run: { size: halfPoints(size.note), color: colour.muted },
        paragraph: { spacing: { before: twips(3), after: twips(10) } },
      },
      // Page-number fields take their size from the paragraph style, not from their run.
      {
        id: ids.footer,
        name: 'Pied de page',
        run: { font, size: halfPoints(size.note), color: colour.muted },
        paragraph: {
          spacing: { after: 0 },
          rightTabStop: textWidthTwips(style),
        },
      },
      ...cellStyles(style),
    ],
  };
}

/** Bulleted lists (`numbering: { reference: HOUSE_STYLE_IDS.bullets, level: 0 }`) with the house indent. */
export function houseNumbering(style: HouseStyle = HOUSE_STYLE): INumberingOptions {
  return {
    config: [
      {
        reference: HOUSE_STYLE_IDS.bullets,
        levels: [0, 1].map((level) => ({
          level,
          format: LevelFormat.BULLET,
          text: level === 0 ? '•' : '–',
          alignment: AlignmentType.LEFT,
          style: {
            run: { color: style.colour.accent },
            paragraph: {
              indent: { left: 360 * (level + 1), hanging: 260 },
              spacing: { after: twips(style.spacing.listItemAfter) },
            },
          },
        })),
      },
    ],
  };
}
