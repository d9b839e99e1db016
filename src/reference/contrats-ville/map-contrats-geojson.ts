import type { IssueList } from '../import-report.ts';
import { type ContratDraft, mapContratRecord } from './contrat-record.ts';

/**
 * GeoJSON of the ANCT (one point per contract territory: codgeo, code_cv, lib_cv, insee_dep, pop).
 * Only properties matter; positions count features from 1.
 */
export function mapContratsGeojson(features: unknown[], issues: IssueList): ContratDraft[] {
  const drafts: ContratDraft[] = [];
  features.forEach((feature, i) => {
    const f = feature as { type?: unknown; properties?: unknown } | null;
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      issues.add(i + 1, '(entité)', 'entité GeoJSON (type Feature) attendue');
      return;
    }
    const draft = mapContratRecord(i + 1, (f.properties ?? {}) as Record<string, unknown>, issues);
    if (draft) drafts.push(draft);
  });
  return drafts;
}
