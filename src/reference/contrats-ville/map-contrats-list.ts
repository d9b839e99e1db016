import type { IssueList } from '../import-report.ts';
import { type ContratDraft, mapContratRecord } from './contrat-record.ts';

/**
 * JSON list of contract territories (`[{code, nom, code_territoire, departement, population}]` as shipped in
 * data-seed/reference/, or the ANCT's own names codgeo, code_cv…); positions count items from 1.
 */
export function mapContratsList(items: unknown[], issues: IssueList): ContratDraft[] {
  const drafts: ContratDraft[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      issues.add(i + 1, '(élément)', 'objet attendu');
      return;
    }
    const draft = mapContratRecord(i + 1, item as Record<string, unknown>, issues);
    if (draft) drafts.push(draft);
  });
  return drafts;
}
