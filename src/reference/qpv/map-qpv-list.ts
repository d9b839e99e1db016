import type { IssueList } from '../import-report.ts';
import { mapQpvRecord, type QpvDraft } from './qpv-record.ts';

/** JSON list `[{code, nom, dep, communes: [INSEE…], population?}]` (ANCT list); positions count items from 1. */
export function mapQpvList(items: unknown[], issues: IssueList): QpvDraft[] {
  const drafts: QpvDraft[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      issues.add(i + 1, '(élément)', 'objet attendu');
      return;
    }
    const draft = mapQpvRecord(i + 1, item as Record<string, unknown>, null, issues);
    if (draft) drafts.push(draft);
  });
  return drafts;
}
