import { rem } from '../kernel/documents/house-css.ts';
import { HOUSE_STYLE, type HouseStyle } from '../kernel/documents/house-style.ts';

/**
 * What only an état des lieux shows, on top of the house stylesheet (kernel/documents): a title page
 * whose contents sit at the bottom, key-figure cards, bar charts, one section per département.
 */
export function reportCss(style: HouseStyle = HOUSE_STYLE): string {
  return `
.title-page { display: flex; flex-direction: column; min-height: 250mm; }
.title-page .territory { font-size: ${rem(style.size.headings[0], style)}; font-weight: 700; margin: 0 0 2rem; text-align: left; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.2rem; margin: 0; font-size: var(--size-meta); }
.title-page dt { color: var(--muted); }
.title-page dd { margin: 0; font-weight: 700; }
.title-page .toc { margin-top: auto; padding-top: 12mm; }
.toc ol { columns: 2; column-gap: 10mm; }

.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0.6rem 0 1rem; }
.figure { background: var(--surface); border-bottom: 3px solid var(--accent); padding: 3mm 3.5mm; break-inside: avoid; }
.figure .value { display: block; font-size: var(--size-figure); font-weight: 700; color: var(--accent); line-height: 1.1; }
.figure .label { display: block; font-weight: 700; }
.figure .detail { display: block; color: var(--muted); font-size: var(--size-note); }

figure.chart-box { margin: 0.6rem 0 1rem; break-inside: avoid; }
figure.chart-box figcaption { font-weight: 700; font-size: var(--size-small); margin-bottom: 0.3rem; }
.chart { display: block; max-width: 100%; height: auto; }
.chart-label, .chart-value { font-size: 12px; fill: var(--text); font-family: inherit; }
.chart-value { font-weight: 700; }
.chart-axis { stroke: var(--text); stroke-width: 1; }
.chart-grid { stroke: var(--grid); stroke-width: 1; stroke-dasharray: 3 3; }

section.departement { break-inside: auto; }

@media print {
  .title-page { min-height: 255mm; }
  section#liste, section#sources { break-before: page; }
  .figure, .table-box.keep { break-inside: avoid; }
}
`;
}
