import { escapeHtml as e } from '../../domain/text/escape-html.ts';
import { type DocumentIdentity, HOUSE_STYLE, type HouseStyle } from './house-style.ts';

/**
 * A size in points as `rem`: the root font size is the body size in print and slightly larger on
 * screen, so every size follows it while keeping the proportions of the Word document.
 */
export function rem(points: number, style: HouseStyle = HOUSE_STYLE): string {
  return `${Number((points / style.size.body).toFixed(3))}rem`;
}

const pt = (points: number) => `${points}pt`;

/**
 * The stylesheet every HTML/PDF document starts with: tokens as custom properties (module stylesheets
 * use them for their own blocks), body text, headings h1–h5, title page, contents, tables, notes, and
 * the print layout of A4 pages for browsers and for Chromium's PDF output.
 */
export function houseCss(style: HouseStyle = HOUSE_STYLE): string {
  const { colour: c, size: s, spacing: sp, page } = style;
  const r = (points: number) => rem(points, style);
  const heading = (level: 0 | 1 | 2 | 3) =>
    `font-size: ${r(s.headings[level])}; margin: ${r(sp.headingBefore[level])} 0 ${r(sp.headingAfter[level])};`;
  const m = page.margin;
  return `
:root {
  --accent: #${c.accent}; --accent-light: #${c.accentLight}; --muted: #${c.muted};
  --surface: #${c.surface}; --border: #${c.border}; --text: #${c.text}; --alert: #${c.alert}; --grid: #${c.grid};
  --size-small: ${r(s.small)}; --size-cell: ${r(s.cell)}; --size-note: ${r(s.note)};
  --size-meta: ${r(s.meta)}; --size-figure: ${r(s.keyFigure)};
  --space-after: ${r(sp.paragraphAfter)};
}
* { box-sizing: border-box; }
html { font-size: ${pt(s.bodyScreen)}; }
body {
  margin: 0 auto; max-width: ${page.width}mm; padding: 12mm 14mm;
  font-family: ${style.font.css};
  color: var(--text); line-height: ${style.lineHeight}; background: #fff;
}
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.2; }
h1 { font-size: ${r(s.title)}; margin: ${r(sp.headingBefore[0])} 0 ${r(sp.headingAfter[0])}; }
h2 { ${heading(0)} padding-bottom: 0.3rem; border-bottom: ${pt(style.rule.heading)} solid var(--accent); }
h3 { ${heading(1)} }
h4 { ${heading(2)} }
h5 { ${heading(3)} }
p { margin: 0 0 var(--space-after); text-align: justify; hyphens: auto; }
ul { margin: 0 0 var(--space-after); padding-left: 1.3rem; }
li { margin-bottom: ${r(sp.listItemAfter)}; }
a { color: var(--accent); }

.brand {
  display: flex; align-items: center; gap: 0.6rem;
  font-weight: 700; font-size: ${r(s.brand)}; color: var(--accent);
  border-left: ${pt(style.rule.brand)} solid var(--accent); padding-left: 0.6rem;
}
.brand small { display: block; font-weight: 400; color: var(--muted); font-size: ${r(s.brandTagline)}; }
.brand img { display: block; }
.title-page h1 { margin-top: ${r(sp.titleBefore)}; }
.meta { color: var(--muted); font-size: var(--size-meta); margin: 0.2rem 0; }
.toc h2 { font-size: ${r(s.headings[1])}; border: 0; margin: 1.5rem 0 0.4rem; padding: 0; }
.toc ol { margin: 0; padding-left: 1.2rem; }
.toc a { color: var(--text); text-decoration: none; }
.toc.paginee a { display: flex; align-items: baseline; gap: 0.4rem; }
.toc.paginee .libelle { flex: 1; }
.toc.paginee a::after { content: none; }
.toc.paginee .page { order: 2; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }

table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.3rem; font-size: var(--size-cell); }
caption { caption-side: top; text-align: left; font-weight: 700; font-size: var(--size-small); padding: 0 0 0.35rem; }
th, td { border: 1px solid var(--border); padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
thead th { background: var(--accent); color: #fff; font-weight: 700; }
tbody tr:nth-child(even) td { background: var(--surface); }
tfoot td { font-weight: 700; background: var(--accent-light); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.note { font-size: var(--size-note); color: var(--muted); margin: 0 0 1rem; text-align: left; }
footer.colophon {
  margin-top: 2rem; font-size: var(--size-note); color: var(--muted);
  border-top: 1px solid var(--border); padding-top: 0.5rem;
}

@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@media print {
  html { font-size: ${pt(s.body)}; }
  body { max-width: none; padding: 0; }
  .title-page { break-after: page; }
  h1, h2, h3, h4, h5 { break-after: avoid; }
  th, td { padding: 1.1mm 1.8mm; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, caption { break-inside: avoid; }
  a { text-decoration: none; color: inherit; }
  footer.colophon { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
}

/** The publisher's mark at the top of a title page: logo if any, name, and what the document is. */
export function brandHtml(identity: DocumentIdentity, tagline: string): string {
  const logo = identity.logo;
  const image = logo
    ? `<img src="data:image/${logo.type === 'jpg' ? 'jpeg' : 'png'};base64,${Buffer.from(logo.data).toString('base64')}" width="${Math.round((logo.width * 4) / 3)}" height="${Math.round((logo.height * 4) / 3)}" alt="${e(logo.alt ?? identity.name)}">`
    : '';
  const contact = identity.contact ? `<small>${e(identity.contact)}</small>` : '';
  return `<div class="brand">${image}<div>${e(identity.name)}<small>${e(tagline)}</small>${contact}</div></div>`;
}

/**
 * Marks the slot of a contents line that receives the page of its section in the PDF (filled by the
 * PDF renderer after a first print); styled with a fixed width so that filling it moves nothing.
 */
export const PAGE_SLOT_ATTRIBUTE = 'data-page-of';

/** The empty page slot of the contents line of section `id` (hidden from readers until filled). */
export function pageSlot(id: string): string {
  return `<span class="page" ${PAGE_SLOT_ATTRIBUTE}="${e(id)}" aria-hidden="true"></span>`;
}
