import {
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
import { HOUSE_STYLE_IDS, halfPoints, textWidthTwips } from '../kernel/documents/house-docx-styles.ts';
import { HOUSE_STYLE } from '../kernel/documents/house-style.ts';

const { colour } = HOUSE_STYLE;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: colour.border };
const TEXT_WIDTH = textWidthTwips();
const SMALL = halfPoints(HOUSE_STYLE.size.cell);
/** Width of a bold cell capital (headers are mostly acronyms) and the cell's side margins, in twips. */
const CHAR = Math.round(HOUSE_STYLE.size.cell * 14.7);
const CELL_PADDING = 190;

const borders = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const cellMargins = { top: 50, bottom: 50, left: 90, right: 90 };
const tableBorders = { ...borders, insideHorizontal: BORDER, insideVertical: BORDER };

type CellStyle = 'cell' | 'cellHead' | 'cellFoot';
const NUMBER_STYLE = { cell: 'cellNumber', cellHead: 'cellHeadNumber', cellFoot: 'cellFootNumber' } as const;

function cell(
  text: string,
  opts: { align?: 'left' | 'right'; head?: boolean; foot?: boolean; zebra?: boolean },
) {
  const fill = opts.head
    ? colour.accent
    : opts.foot
      ? colour.accentLight
      : opts.zebra
        ? colour.surface
        : undefined;
  const base: CellStyle = opts.head ? 'cellHead' : opts.foot ? 'cellFoot' : 'cell';
  const style = HOUSE_STYLE_IDS[opts.align === 'right' ? NUMBER_STYLE[base] : base];
  return new TableCell({
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    children: [new Paragraph({ style, text })],
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
  return new Paragraph({ style: HOUSE_STYLE_IDS.caption, text });
}

export function note(text: string) {
  return new Paragraph({ style: HOUSE_STYLE_IDS.note, text });
}

const spacer = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });

/** Bars drawn as shaded runs of fixed-width spaces: they render the same in Word and LibreOffice. */
export function docxBarChart(chart: ReportBarChart): (Paragraph | Table)[] {
  const max = Math.max(1, ...chart.barres.map((b) => b.valeur));
  const width = 32;
  const rows = chart.barres.map((b, i) => {
    const length = b.valeur === 0 ? 0 : Math.max(1, Math.round((b.valeur / max) * width));
    const fill = i === 0 && /sans aucun/.test(b.libelle) ? colour.alert : colour.accent;
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
                bottom: f.valeur ? { style: BorderStyle.SINGLE, size: 18, color: colour.accent } : none,
              },
              margins: { top: 80, bottom: 80, left: 110, right: 110 },
              ...(f.valeur
                ? { shading: { type: ShadingType.CLEAR, fill: colour.surface, color: 'auto' } }
                : {}),
              children: [
                new Paragraph({
                  spacing: { after: 0 },
                  children: [
                    new TextRun({
                      text: f.valeur,
                      bold: true,
                      size: halfPoints(HOUSE_STYLE.size.keyFigure),
                      color: colour.accent,
                    }),
                  ],
                }),
                new Paragraph({
                  spacing: { after: 0 },
                  children: [
                    new TextRun({ text: f.libelle, bold: true, size: halfPoints(HOUSE_STYLE.size.small) }),
                  ],
                }),
                ...(f.detail
                  ? [
                      new Paragraph({
                        spacing: { after: 0 },
                        children: [
                          new TextRun({
                            text: f.detail,
                            size: halfPoints(HOUSE_STYLE.size.note),
                            color: colour.muted,
                          }),
                        ],
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
