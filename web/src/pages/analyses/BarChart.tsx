import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { Button } from '../../ui/index.ts';
import { barChartSvg, downloadBlob } from './svg.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = 'Marianne, arial, sans-serif';
Chart.defaults.font.size = 13;

export interface BarChartProps {
  labels: string[];
  values: number[];
  /** Short description read by screen readers; the data table beside the chart holds the detail. */
  description: string;
  fileName: string;
  /** Names the chart in its download buttons and in the SVG file. */
  title: string;
  format?: (v: number) => string;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Fills the background so that the PNG export is readable outside the page. */
const background: Plugin<'bar'> = {
  id: 'odts-background',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = token('--background-default-grey', '#ffffff');
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Horizontal bar chart (Chart.js, loaded with the analyses page only), downloadable as PNG. */
export default function BarChart({ labels, values, description, fileName, title, format }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const text = token('--text-default-grey', '#161616');
    const grid = token('--border-default-grey', '#dddddd');
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'Nombre',
            data: values,
            backgroundColor: token('--background-action-high-blue-france', '#000091'),
            borderRadius: 2,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          x: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
          y: { ticks: { color: text, autoSkip: false }, grid: { display: false } },
        },
      },
      plugins: [background],
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [labels, values]);

  const download = () => {
    const url = chart.current?.toBase64Image('image/png', 1);
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.png`;
    a.click();
  };
  const downloadSvg = () =>
    downloadBlob(
      barChartSvg({ title, labels, values, ...(format ? { format } : {}) }),
      'image/svg+xml',
      `${fileName}.svg`,
    );

  return (
    <figure className="u-m-0">
      <div className="odts-chart" style={{ height: `${Math.max(14, labels.length * 2.4)}rem` }}>
        <canvas ref={canvas} role="img" aria-label={description} data-chart-ready={labels.length > 0} />
      </div>
      <figcaption className="u-mt-1 odts-actions">
        <Button type="button" priority="tertiary" size="small" iconId="image-line" onClick={download}>
          Télécharger le graphique (PNG)<span className="u-sr-only"> : {title}</span>
        </Button>
        <Button type="button" priority="tertiary" size="small" iconId="image-line" onClick={downloadSvg}>
          Télécharger le graphique (SVG)<span className="u-sr-only"> : {title}</span>
        </Button>
      </figcaption>
    </figure>
  );
}
