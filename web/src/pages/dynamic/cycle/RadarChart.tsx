import {
  Chart,
  Filler,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * The seven criteria on a radar (Chart.js, loaded with this section only). The table beside it carries
 * every value: the chart is a picture, described in one sentence for screen readers.
 */
export default function RadarChart({
  labels,
  values,
  max,
  description,
}: {
  labels: string[];
  values: number[];
  max: number;
  description: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const accent = token('--odts-accent', '#1f5f8b');
    const text = token('--text-default-grey', '#161616');
    const chart = new Chart(canvas.current, {
      type: 'radar',
      data: {
        labels,
        datasets: [
          {
            label: 'Niveau',
            data: values,
            borderColor: accent,
            backgroundColor: /^#[0-9a-f]{6}$/i.test(accent) ? `${accent}33` : 'rgba(31, 95, 139, 0.2)',
            pointBackgroundColor: accent,
            fill: true,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          r: {
            min: 0,
            max,
            ticks: { stepSize: 1, color: text, backdropColor: 'transparent' },
            pointLabels: { color: text },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, values, max]);
  return (
    <div className="odts-chart" style={{ height: '20rem', maxWidth: '32rem' }}>
      <canvas ref={canvas} role="img" aria-label={description} data-chart-ready={labels.length > 0} />
    </div>
  );
}
