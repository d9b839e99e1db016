/** A horizontal bar chart as a standalone SVG document, for the "SVG" download (vector, editable). */

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface SvgChart {
  title: string;
  labels: string[];
  values: number[];
  /** How a value is written next to its bar. */
  format?: (v: number) => string;
}

export function barChartSvg({ title, labels, values, format = (v) => v.toLocaleString('fr-FR') }: SvgChart) {
  const labelWidth = Math.min(360, Math.max(120, ...labels.map((l) => l.length * 7)));
  const barArea = 420;
  const row = 28;
  const top = 48;
  const width = labelWidth + barArea + 90;
  const height = top + labels.length * row + 24;
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const zero = labelWidth + 10 + ((0 - min) / span) * barArea;
  const bars = labels
    .map((label, i) => {
      const v = values[i] ?? 0;
      const y = top + i * row;
      const x1 = labelWidth + 10 + ((Math.min(v, 0) - min) / span) * barArea;
      const w = (Math.abs(v) / span) * barArea;
      return [
        `<text x="${labelWidth}" y="${y + 18}" text-anchor="end">${escapeXml(label)}</text>`,
        `<rect x="${x1.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="#000091" rx="2"/>`,
        `<text x="${(Math.max(x1 + w, zero) + 6).toFixed(1)}" y="${y + 18}">${escapeXml(format(v))}</text>`,
      ].join('');
    })
    .join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Marianne, Arial, sans-serif" font-size="13" fill="#161616">
  <title>${escapeXml(title)}</title>
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="10" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>
  <line x1="${zero.toFixed(1)}" y1="${top}" x2="${zero.toFixed(1)}" y2="${height - 20}" stroke="#929292"/>
  ${bars}
</svg>
`;
}

export function downloadBlob(content: BlobPart, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
