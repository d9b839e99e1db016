import type { ReportBarChart } from '../domain/reports/document.ts';
import { formatInteger, formatPercent } from '../domain/reports/french.ts';
import { escapeHtml } from '../domain/text/escape-html.ts';
import { HOUSE_STYLE } from '../kernel/documents/house-style.ts';

const WIDTH = 680;
const LABEL_WIDTH = 240;
const VALUE_WIDTH = 90;
const ROW = 30;
const BAR = 18;
const TOP = 10;
const BLUE = `#${HOUSE_STYLE.colour.accent}`;
/** The configuration without any health device is the one the field looks for first. */
const ALERT = `#${HOUSE_STYLE.colour.alert}`;

/** Horizontal bar chart as inline SVG: crisp in print, no script, readable without colour. */
export function barChartSvg(chart: ReportBarChart, id: string): string {
  const max = Math.max(1, ...chart.barres.map((b) => b.valeur));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP * 2 + chart.barres.length * ROW;
  const rows = chart.barres.map((b, i) => {
    const y = TOP + i * ROW;
    const w = b.valeur === 0 ? 0 : Math.max(2, (b.valeur / max) * span);
    const colour = i === 0 && /sans aucun/.test(b.libelle) ? ALERT : BLUE;
    const value = `${formatInteger(b.valeur)} (${formatPercent(b.part)})`;
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + ROW / 2 + 4}" text-anchor="end" class="chart-label">${escapeHtml(b.libelle)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + (ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}" fill="${colour}"/>`,
      `<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + ROW / 2 + 4}" class="chart-value">${escapeHtml(value)}</text>`,
    ].join('');
  });
  const grid = [0.25, 0.5, 0.75, 1]
    .map((f) => {
      const x = (LABEL_WIDTH + f * span).toFixed(1);
      return `<line x1="${x}" y1="${TOP / 2}" x2="${x}" y2="${height - TOP / 2}" class="chart-grid"/>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" class="chart">`,
    `<title id="${id}-t">${escapeHtml(chart.titre)}</title>`,
    `<desc id="${id}-d">${escapeHtml(chart.description)}</desc>`,
    grid,
    `<line x1="${LABEL_WIDTH}" y1="${TOP / 2}" x2="${LABEL_WIDTH}" y2="${height - TOP / 2}" class="chart-axis"/>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
