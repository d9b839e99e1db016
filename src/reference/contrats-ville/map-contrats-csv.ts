import type { IssueList } from '../import-report.ts';
import type { CsvRow } from '../source/parse-source.ts';
import { CONTRAT_FIELDS, type ContratDraft, mapContratRecord } from './contrat-record.ts';

/** CSV with the same columns as the ANCT GeoJSON's properties; positions are file lines (header = 1). */
export function mapContratsCsv(header: string[], rows: CsvRow[], issues: IssueList): ContratDraft[] {
  for (const field of ['code', 'territoire'] as const) {
    const aliases = CONTRAT_FIELDS[field];
    if (!aliases.some((a) => header.includes(a))) {
      issues.add(1, '(en-tête)', `colonne introuvable : ${aliases.join(' ou ')}`);
    }
  }
  if (issues.length > 0) return [];
  const drafts: ContratDraft[] = [];
  for (const row of rows) {
    const draft = mapContratRecord(row.line, row.values, issues);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
