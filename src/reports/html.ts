import type { ReportBlock, ReportDocument, ReportTable } from '../domain/reports/document.ts';
import { formatDateLong, formatDateTime } from '../domain/reports/french.ts';
import { escapeHtml as e } from '../domain/text/escape-html.ts';
import { brandHtml, houseCss, pageSlot } from '../kernel/documents/house-css.ts';
import { URL_IN_TEXT } from '../kernel/documents/house-docx.ts';
import { type DocumentIdentity, NEUTRAL_IDENTITY } from '../kernel/documents/house-style.ts';
import { reportCss } from './html-style.ts';
import { barChartSvg } from './svg-chart.ts';

const SHORT_TABLE_ROWS = 16;

/** The footer of every page of the PDF and of the Word document. */
export function reportFooterText(doc: ReportDocument): string {
  return `${doc.titre} — ${doc.territoire} — situation au ${formatDateLong(doc.dateEtat)}`;
}

/** Escaped text whose addresses are live links (readings, sources). */
function linked(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += e(text.slice(at, m.index));
    out += `<a href="${e(m[0])}">${e(m[0])}</a>`;
    at = m.index + m[0].length;
  }
  return out + e(text.slice(at));
}

/** A self-contained HTML page (no script, no external resource) that prints as the PDF. */
/** `paginated`: for the PDF, the contents lines get slots for the page of each section. */
export function renderHtml(
  doc: ReportDocument,
  identity: DocumentIdentity = NEUTRAL_IDENTITY,
  paginated = false,
): string {
  let charts = 0;
  const block = (b: ReportBlock): string => {
    switch (b.kind) {
      case 'paragraph':
        return `<p>${linked(b.text)}</p>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${linked(i)}</li>`).join('')}</ul>`;
      case 'figures':
        return `<div class="figures">${b.figures
          .map(
            (f) =>
              `<div class="figure"><span class="value">${e(f.valeur)}</span><span class="label">${e(f.libelle)}</span>${
                f.detail ? `<span class="detail">${e(f.detail)}</span>` : ''
              }</div>`,
          )
          .join('')}</div>`;
      case 'table':
        return table(b.table);
      case 'chart':
        charts += 1;
        return `<figure class="chart-box"><figcaption>${e(b.chart.titre)}</figcaption>${barChartSvg(b.chart, `graphique-${charts}`)}<p class="note">${e(b.chart.description)}</p></figure>`;
      case 'map':
        // Built by src/reports/map/territory-map.ts, every name in it already escaped.
        return `<figure class="map-box">${b.svg}<figcaption class="note">${e(b.legende)}</figcaption></figure>`;
      case 'subsection':
        return `<section class="departement" id="${e(b.id)}"><h3>${e(b.titre)}</h3>${b.blocks.map(block).join('\n')}</section>`;
    }
  };
  const sections = doc.sections
    .map(
      (s) => `<section id="${e(s.id)}"><h2>${e(s.titre)}</h2>\n${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Observatoire DTS">
<title>${e(doc.titre)} — ${e(doc.territoire)}</title>
<style>${houseCss()}${reportCss()}</style>
</head>
<body>
${titlePage(doc, identity, paginated)}
<main>
${sections}
</main>
<footer class="colophon">${e(doc.source)} — ${e(doc.territoire)}, situation au ${e(formatDateLong(doc.dateEtat))}.</footer>
</body>
</html>
`;
}

function titlePage(doc: ReportDocument, identity: DocumentIdentity, paginated: boolean): string {
  const page = (id: string) => (paginated ? pageSlot(id) : '');
  const toc = doc.sections
    .map((s) => `<li><a href="#${e(s.id)}"><span class="libelle">${e(s.titre)}</span>${page(s.id)}</a></li>`)
    .join('');
  return `<header class="title-page">
${brandHtml(identity, 'Dynamiques territoriales de santé')}
<h1>${e(doc.titre)}</h1>
<p class="territory">${e(doc.territoire)}</p>
<dl>
<dt>Situation au</dt><dd>${e(formatDateLong(doc.dateEtat))}</dd>
<dt>Document généré le</dt><dd>${e(formatDateTime(doc.genereLe))}</dd>
<dt>Source</dt><dd>${e(doc.source)}</dd>
</dl>
<nav class="toc${paginated ? ' paginee' : ''}" aria-label="Sommaire"><h2>Sommaire</h2><ol>${toc}</ol></nav>
</header>`;
}

function table(t: ReportTable): string {
  const cls = (i: number) => {
    const c = t.colonnes[i];
    const names = [c?.align === 'right' ? 'num' : '', c?.nowrap ? 'nowrap' : ''].filter(Boolean);
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  };
  const head = t.colonnes.map((c, i) => `<th scope="col"${cls(i)}>${e(c.libelle)}</th>`).join('');
  const row = (cells: string[]) => cells.map((v, i) => `<td${cls(i)}>${e(v)}</td>`).join('');
  const body = t.lignes.map((l) => `<tr>${row(l)}</tr>`).join('\n');
  const foot = t.pied ? `<tfoot><tr>${row(t.pied)}</tr></tfoot>` : '';
  const note = t.note ? `<p class="note">${e(t.note)}</p>` : '';
  // Short tables stay on one page; long ones split between rows and repeat their header.
  const keep = t.lignes.length <= SHORT_TABLE_ROWS ? ' keep' : '';
  return `<div class="table-box${keep}"><table><caption>${e(t.legende)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table>${note}</div>`;
}
