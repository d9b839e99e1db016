/**
 * Sober stylesheet in the spirit of the French government design system (DSFR): blue France headings,
 * bordered tables, grey backgrounds. Marianne is not shipped, so a metric-compatible system sans-serif
 * stands in. The print part lays out A4 pages for browsers and for Chromium's PDF output.
 */
export const REPORT_CSS = `
:root {
  --bleu: #000091;
  --bleu-clair: #e3e3fd;
  --gris: #666666;
  --gris-fond: #f6f6f6;
  --bordure: #b5b5b5;
  --texte: #161616;
}
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body {
  margin: 0 auto;
  max-width: 210mm;
  padding: 12mm 14mm;
  font-family: Marianne, Arial, "Liberation Sans", "Helvetica Neue", Helvetica, "DejaVu Sans", sans-serif;
  color: var(--texte);
  line-height: 1.45;
  background: #fff;
}
h1, h2, h3 { color: var(--bleu); line-height: 1.2; }
h2 {
  font-size: 1.55rem;
  margin: 2.2rem 0 0.9rem;
  padding-bottom: 0.3rem;
  border-bottom: 2px solid var(--bleu);
}
h3 { font-size: 1.2rem; margin: 1.6rem 0 0.6rem; }
p { margin: 0 0 0.7rem; text-align: justify; hyphens: auto; }
ul { margin: 0 0 0.8rem; padding-left: 1.3rem; }
li { margin-bottom: 0.25rem; }
a { color: var(--bleu); }

.title-page {
  display: flex;
  flex-direction: column;
  min-height: 250mm;
  border-left: 6px solid var(--bleu);
  padding: 8mm 0 0 10mm;
}
.brand { font-weight: 700; font-size: 1.1rem; letter-spacing: 0.02em; color: var(--bleu); }
.brand small { display: block; font-weight: 400; color: var(--gris); font-size: 0.85rem; }
.title-page h1 { font-size: 2.5rem; margin: 45mm 0 0.8rem; max-width: 150mm; }
.title-page .territory { font-size: 1.5rem; font-weight: 700; margin: 0 0 2rem; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.2rem; margin: 0; }
.title-page dt { color: var(--gris); }
.title-page dd { margin: 0; font-weight: 700; }
.title-page .toc { margin-top: auto; padding-top: 12mm; }
.toc h2 { font-size: 1.05rem; border: 0; margin: 0 0 0.4rem; padding: 0; }
.toc ol { margin: 0; padding-left: 1.2rem; columns: 2; column-gap: 10mm; }
.toc a { text-decoration: none; color: var(--texte); }

.figures {
  display: grid;
  grid-template-columns: repeat(4, 1fr);
  gap: 3mm;
  margin: 0.6rem 0 1rem;
}
.figure {
  background: var(--gris-fond);
  border-bottom: 3px solid var(--bleu);
  padding: 3mm 3.5mm;
  break-inside: avoid;
}
.figure .value { display: block; font-size: 1.7rem; font-weight: 700; color: var(--bleu); line-height: 1.1; }
.figure .label { display: block; font-weight: 700; }
.figure .detail { display: block; color: var(--gris); font-size: 0.85rem; }

table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.3rem; font-size: 0.9rem; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.35rem; color: var(--texte); }
th, td { border: 1px solid var(--bordure); padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
thead th { background: var(--bleu); color: #fff; font-weight: 700; }
tbody tr:nth-child(even) td { background: var(--gris-fond); }
tfoot td { font-weight: 700; background: var(--bleu-clair); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.note { font-size: 0.8rem; color: var(--gris); margin: 0 0 1rem; text-align: left; }

figure.chart-box { margin: 0.6rem 0 1rem; break-inside: avoid; }
figure.chart-box figcaption { font-weight: 700; margin-bottom: 0.3rem; }
.chart { display: block; max-width: 100%; height: auto; }
.chart-label, .chart-value { font-size: 12px; fill: var(--texte); font-family: inherit; }
.chart-value { font-weight: 700; }
.chart-axis { stroke: var(--texte); stroke-width: 1; }
.chart-grid { stroke: #dddddd; stroke-width: 1; stroke-dasharray: 3 3; }

section.departement { break-inside: auto; }
footer.colophon { margin-top: 2rem; font-size: 0.8rem; color: var(--gris); border-top: 1px solid var(--bordure); padding-top: 0.5rem; }

@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .title-page { min-height: 255mm; break-after: page; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  section#liste, section#sources { break-before: page; }
  th, td { padding: 1.1mm 1.8mm; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, .figure, caption, .table-box.keep { break-inside: avoid; }
  a { text-decoration: none; color: inherit; }
  footer.colophon { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
