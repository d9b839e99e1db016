import { createHash } from 'node:crypto';
import { FILE_FIELD, type ImportIssue } from '../domain/kernel/import-issue.ts';
import type { ProgressReporter } from '../kernel/progress.ts';
import { ImportIssues } from '../kernel/tabular/import-issues.ts';

/** What a number in `ImportIssue.ligne` counts: CSV lines (header = 1), GeoJSON features, list items. */
export type PositionUnit = 'ligne' | 'entité' | 'élément';

export interface LayerImportReport {
  layer: string;
  source: string;
  format: string;
  vintage: string;
  unit: PositionUnit;
  /** Records read from the source. */
  read: number;
  valid: boolean;
  dryRun: boolean;
  /** Same vintage already loaded: nothing was checked nor written. */
  skipped: boolean;
  written: boolean;
  errors: ImportIssue[];
  warnings: string[];
  counts: Record<string, number>;
}

export interface LayerImportOptions {
  dryRun?: boolean;
  force?: boolean;
  /** Label of the vintage, instead of the one read from the data. */
  vintageLabel?: string;
  progress?: ProgressReporter;
}

/**
 * Collects issues as `add(position, field, message)` in source order; the report lists every one of them
 * (no cap), sorted by position.
 */
export class IssueList extends ImportIssues {
  constructor() {
    super({ cap: Number.POSITIVE_INFINITY });
  }
}

/** The vintage names the data (generation, year) and its content, so that another file is never skipped. */
export function vintageOf(label: string, contents: Buffer[]): string {
  const hash = createHash('sha256');
  for (const c of contents) hash.update(c);
  return `${label} · sha256:${hash.digest('hex').slice(0, 12)}`;
}

/** The value of the first property present among `aliases` (sources name the same field differently). */
export function pick(
  record: Record<string, unknown>,
  aliases: readonly string[],
): { key: string; value: unknown } | null {
  for (const key of aliases) {
    const value = record[key];
    if (value !== undefined && value !== null && value !== '') return { key, value };
  }
  return null;
}

/** Integers as files write them: 1177, "1177", "1 177", 1177.0; empty means unknown. */
export function parseCount(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[\s\u00a0\u202f]/g, ''));
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n);
}

/** "13055, 13070" or ["13055", "13070"] → list of trimmed values. */
export function splitList(value: unknown, separator = /\s*[,;]\s*/): string[] {
  const items = Array.isArray(value)
    ? value.map((v) => String(v ?? ''))
    : String(value ?? '').split(separator);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** A report before any check: filled in as the import goes. */
export function startReport(
  layer: string,
  source: string,
  options: LayerImportOptions,
  format = '',
  unit: PositionUnit = 'élément',
): LayerImportReport {
  return {
    layer,
    source,
    format,
    vintage: '',
    unit,
    read: 0,
    valid: true,
    dryRun: Boolean(options.dryRun),
    skipped: false,
    written: false,
    errors: [],
    warnings: [],
    counts: {},
  };
}

/** The file as a whole could not be read: one error, position 0. */
export function unreadable(report: LayerImportReport, message: string): LayerImportReport {
  return { ...report, valid: false, errors: [{ ligne: 0, champ: FILE_FIELD, message }] };
}
