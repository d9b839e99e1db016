import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DATA_DIR } from '../generate/dataset.ts';
import type { Machine } from './machine.ts';

/**
 * One measured figure; with a target, lower is better (or higher with `atLeast`, for throughputs) and
 * the ratio value/target is reported.
 */
export interface Figure {
  label: string;
  value: number;
  unit: 'ms' | 's' | '%' | '' | 'req/s';
  target?: number;
  atLeast?: boolean;
}

function meets(f: Figure): boolean {
  if (f.target === undefined) return true;
  return f.atLeast ? f.value >= f.target : f.value <= f.target;
}

export interface Section {
  title: string;
  figures: Figure[];
  notes?: string[];
}

export interface BenchReport {
  bench: string;
  engine: string;
  engineKind: 'pglite' | 'postgres';
  machine: Machine;
  sections: Section[];
}

function format(value: number, unit: Figure['unit']): string {
  if (Number.isNaN(value)) return '—';
  const digits =
    unit === '%' || unit === 'req/s' ? (unit === '%' ? 1 : 0) : value < 1 ? 3 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** Markdown tables: readable in a terminal and pasted as is into BENCHMARKS.md. */
export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    `## ${r.bench} — ${r.engine}`,
    '',
    `${m.date} UTC · ${m.cpus} cœurs (${m.cpuModel}) · ${m.memoryGb} Go · Node ${m.node} · ${m.platform} · commit ${m.commit} · charge au départ ${m.load}`,
  ];
  for (const s of r.sections) {
    lines.push('', `### ${s.title}`);
    if (s.figures.length > 0)
      lines.push('', '| mesure | valeur | cible | ratio |', '| --- | ---: | ---: | ---: |');
    for (const f of s.figures) {
      const target = f.target === undefined ? '' : `${f.atLeast ? '≥' : '≤'} ${format(f.target, f.unit)}`;
      const mark = meets(f) ? '✓' : '✗';
      const ratio =
        f.target === undefined ? '' : f.target === 0 ? mark : `${(f.value / f.target).toFixed(2)} ${mark}`;
      lines.push(`| ${f.label} | ${format(f.value, f.unit)} | ${target} | ${ratio} |`);
    }
    for (const n of s.notes ?? []) lines.push('', n);
  }
  return `${lines.join('\n')}\n`;
}

/** Keeps the last result of each benchmark and engine in bench/.data/results/. */
export function saveReport(r: BenchReport): string {
  const dir = path.join(BENCH_DATA_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${r.bench}-${r.engineKind}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), renderReport(r));
  return file;
}

export function missedTargets(r: BenchReport): Figure[] {
  return r.sections.flatMap((s) => s.figures).filter((f) => !meets(f));
}
