import { FILE_FIELD, type ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { z } from '../../domain/zod-fr.ts';

/** Past this many, a report lists the first ones and says how many more there were. */
export const MAX_REPORTED_ISSUES = 1000;

export interface IssueOrder {
  /** The importer's columns in the order of its file: issues of one line follow it. */
  columns?: readonly string[] | undefined;
  /** Issues listed at most; Infinity lists them all. */
  cap?: number | undefined;
}

/** Rank of a `champ` among the columns; `communes.2` ranks with `communes`, unknown ones come last. */
function ranker(columns: readonly string[]): (champ: string) => number {
  const rank = new Map(columns.map((c, i) => [c, i]));
  return (champ) => rank.get(champ) ?? rank.get(champ.split('.')[0] as string) ?? columns.length;
}

/** Issues by line, then in column order (stable otherwise); past the cap, one last issue counts the rest. */
export function sortAndCap(issues: readonly ImportIssue[], order: IssueOrder = {}): ImportIssue[] {
  const cap = order.cap ?? MAX_REPORTED_ISSUES;
  const rank = ranker(order.columns ?? []);
  const sorted = [...issues].sort((a, b) => a.ligne - b.ligne || rank(a.champ) - rank(b.champ));
  if (sorted.length <= cap) return sorted;
  const kept = sorted.slice(0, cap);
  const last = sorted.at(-1) as ImportIssue;
  kept.push({
    ligne: last.ligne,
    champ: FILE_FIELD,
    message: `… et ${sorted.length - cap} autres erreurs non détaillées`,
  });
  return kept;
}

/** Collects the issues of one import as they are found; `sorted()` gives what the report lists. */
export class ImportIssues {
  readonly items: ImportIssue[] = [];

  constructor(private readonly order: IssueOrder = {}) {}

  add(ligne: number, champ: string, message: string): void {
    this.items.push({ ligne, champ, message });
  }

  push(...issues: ImportIssue[]): void {
    this.items.push(...issues);
  }

  /** One issue per zod issue, `champ` being the path (after `prefix`), or `fallback` for the value itself. */
  fromZod(ligne: number, error: z.core.$ZodError, prefix = '', fallback = '(valeur)'): void {
    for (const issue of error.issues) {
      const path = issue.path.map(String).join('.');
      this.add(ligne, [prefix, path].filter(Boolean).join('.') || fallback, issue.message);
    }
  }

  get length(): number {
    return this.items.length;
  }

  sorted(): ImportIssue[] {
    return sortAndCap(this.items, this.order);
  }
}
