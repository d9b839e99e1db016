import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { KeyFigure, ReportBarChart, ReportTable } from '../domain/reports/document.ts';
import { formatInteger, formatPercent } from '../domain/reports/french.ts';

export const BLUE = '000091';
export const GREY = '666666';
const LIGHT_GREY = 'F6F6F6';
const LIGHT_BLUE = 'E3E3FD';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B5B5B5' };
/** A4 width minus 2 × 18 mm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9600;
const SMALL = 17;
/** Width of a bold 8.5 pt capital (headers are mostly acronyms) and the cell's side margins, in twips. */
const CHAR = 125;
const CELL_PADDING = 190;

const borders = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const cellMargins = { top: 50, bottom: 50, left: 90, right: 90 };
const tableBorders = { ...borders, insideHorizontal: BORDER, insideVertical: BORDER };

/**
 * Cell text formats as paragraph styles: a regional list has thousands of cells, and the `docx`
 * serialiser's time grows with every property written on each of them.
 */
export const CELL_STYLES = [
  { id: 'Cellule', name: 'Cellule', run: { size: SMALL }, paragraph: { spacing: { before: 0, after: 0 } } },
  {
    id: 'CelluleNombre',
    name: 'Cellule nombre',
    basedOn: 'Cellule',
    paragraph: { alignment: AlignmentType.RIGHT },
  },
  { id: 'CelluleEntete', name: 'Cellule en-tête', basedOn: 'Cellule', run: { bold: true, color: 'FFFFFF' } },
  {
    id: 'CelluleEnteteNombre',
    name: 'Cellule en-tête nombre',
    basedOn: 'CelluleEntete',
    paragraph: { alignment: AlignmentType.RIGHT },
  },
  { id: 'CellulePied', name: 'Cellule total', basedOn: 'Cellule', run: { bold: true } },
  {
    id: 'CellulePiedNombre',
    name: 'Cellule total nombre',
    basedOn: 'CellulePied',
    paragraph: { alignment: AlignmentType.RIGHT },
  },
];

function cell(
  text: string,
  opts: { align?: 'left' | 'right'; head?: boolean; foot?: boolean; zebra?: boolean },
) {
  const fill = opts.head ? BLUE : opts.foot ? LIGHT_BLUE : opts.zebra ? LIGHT_GREY : undefined;
  const base = opts.head ? 'CelluleEntete' : opts.foot ? 'CellulePied' : 'Cellule';
  return new TableCell({
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    children: [new Paragraph({ style: `${base}${opts.align === 'right' ? 'Nombre' : ''}`, text })],
  });
}

/** Column widths follow the longest content, so names get room and numbers stay narrow. */
function columnWidths(t: ReportTable): number[] {
  const cells = (i: number) => [...t.lignes, ...(t.pied ? [t.pied] : [])].map((l) => l[i] ?? '');
  // Every column is at least as wide as its longest header word and, for numbers, its longest value.
  const minimum = t.colonnes.map((c, i) => {
    const words = c.libelle.split(' ').map((w) => w.length);
    // Values of a no-wrap text column count up to a point: a long name wraps rather than squeezing the rest.
    const values =
      c.align === 'right'
        ? cells(i).map((v) => v.length)
        : c.nowrap
          ? t.lignes.map((l) => Math.min(14, (l[i] ?? '').length))
          : [];
    return Math.max(4, ...words, ...values) * CHAR + CELL_PADDING;
  });
  const weights = t.colonnes.map((c, i) =>
    Math.min(40, Math.max(c.libelle.length, ...cells(i).map((v) => v.length))),
  );
  const spare = TEXT_WIDTH - minimum.reduce((a, b) => a + b, 0);
  if (spare <= 0) return minimum.map((m) => Math.floor((m * TEXT_WIDTH) / (TEXT_WIDTH - spare)));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((m, i) => Math.floor(m + (spare * (weights[i] ?? 0)) / sum));
}

export function docxTable(t: ReportTable): (Paragraph | Table)[] {
  const align = (i: number) => t.colonnes[i]?.align ?? 'left';
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.colonnes.map((c, i) => cell(c.libelle, { head: true, align: align(i) })),
    }),
    ...t.lignes.map(
      (l, r) =>
        new TableRow({
          cantSplit: true,
          children: l.map((v, i) => cell(v, { align: align(i), zebra: r % 2 === 1 })),
        }),
    ),
    ...(t.pied
      ? [
          new TableRow({
            cantSplit: true,
            children: t.pied.map((v, i) => cell(v, { align: align(i), foot: true })),
          }),
        ]
      : []),
  ];
  return [
    caption(t.legende),
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: columnWidths(t),
      layout: TableLayoutType.FIXED,
      borders: tableBorders,
      margins: cellMargins,
    }),
    ...(t.note ? [note(t.note)] : [spacer()]),
  ];
}

export function caption(text: string) {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ text, bold: true, size: 19 })],
  });
}

export function note(text: string) {
  return new Paragraph({
    spacing: { before: 60, after: 200 },
    children: [new TextRun({ text, size: 15, color: GREY })],
  });
}

const spacer = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });

/** Bars drawn as shaded runs of fixed-width spaces: they render the same in Word and LibreOffice. */
export function docxBarChart(chart: ReportBarChart): (Paragraph | Table)[] {
  const max = Math.max(1, ...chart.barres.map((b) => b.valeur));
  const width = 32;
  const rows = chart.barres.map((b, i) => {
    const length = b.valeur === 0 ? 0 : Math.max(1, Math.round((b.valeur / max) * width));
    const fill = i === 0 && /sans aucun/.test(b.libelle) ? 'C9191E' : BLUE;
    return new TableRow({
      cantSplit: true,
      children: [
        cell(b.libelle, { align: 'right' }),
        new TableCell({
          children: [
            new Paragraph({
              spacing: { before: 0, after: 0 },
              children: [
                new TextRun({
                  text: '\u00a0'.repeat(length),
                  font: 'Courier New',
                  size: SMALL,
                  shading: { type: ShadingType.CLEAR, fill, color: 'auto' },
                }),
                new TextRun({
                  text: ` ${formatInteger(b.valeur)} (${formatPercent(b.part)})`,
                  bold: true,
                  size: SMALL,
                }),
              ],
            }),
          ],
        }),
      ],
    });
  });
  return [
    caption(chart.titre),
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [3400, TEXT_WIDTH - 3400],
      layout: TableLayoutType.FIXED,
      borders: tableBorders,
      margins: cellMargins,
    }),
    note(chart.description),
  ];
}

/** Key figures as a grid of grey cards underlined in blue, four per row. */
export function docxFigures(figures: KeyFigure[]): (Paragraph | Table)[] {
  const perRow = 4;
  const none = { style: BorderStyle.SINGLE, size: 18, color: 'FFFFFF' };
  const rows: TableRow[] = [];
  for (let i = 0; i < figures.length; i += perRow) {
    const slice = figures.slice(i, i + perRow);
    while (slice.length < perRow) slice.push({ valeur: '', libelle: '' });
    rows.push(
      new TableRow({
        cantSplit: true,
        children: slice.map(
          (f) =>
            new TableCell({
              borders: {
                top: none,
                left: none,
                right: none,
                bottom: f.valeur ? { style: BorderStyle.SINGLE, size: 18, color: BLUE } : none,
              },
              margins: { top: 80, bottom: 80, left: 110, right: 110 },
              ...(f.valeur ? { shading: { type: ShadingType.CLEAR, fill: LIGHT_GREY, color: 'auto' } } : {}),
              children: [
                new Paragraph({
                  spacing: { after: 0 },
                  children: [new TextRun({ text: f.valeur, bold: true, size: 32, color: BLUE })],
                }),
                new Paragraph({
                  spacing: { after: 0 },
                  children: [new TextRun({ text: f.libelle, bold: true, size: 18 })],
                }),
                ...(f.detail
                  ? [
                      new Paragraph({
                        spacing: { after: 0 },
                        children: [new TextRun({ text: f.detail, size: 15, color: GREY })],
                      }),
                    ]
                  : []),
              ],
            }),
        ),
      }),
    );
  }
  return [
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: Array(perRow).fill(TEXT_WIDTH / perRow),
      layout: TableLayoutType.FIXED,
    }),
    spacer(),
  ];
}
