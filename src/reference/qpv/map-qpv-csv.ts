import type { IssueList } from '../import-report.ts';
import type { CsvRow } from '../source/parse-source.ts';
import { mapQpvRecord, QPV_FIELDS, type QpvDraft } from './qpv-record.ts';

/**
 * CSV with one QPV per line (INSEE indicator files: code_qp, nom_qp, nom_commune, pop_mun…), `,` or `;`
 * separated. Positions are file lines, the header being line 1. Missing key columns are reported once
 * on the header rather than on every line.
 */
export function mapQpvCsv(header: string[], rows: CsvRow[], issues: IssueList): QpvDraft[] {
  const has = (aliases: readonly string[]) => aliases.some((a) => header.includes(a));
  const required: [string, readonly string[]][] = [
    ['code du quartier', QPV_FIELDS.code],
    ['nom du quartier', QPV_FIELDS.nom],
  ];
  for (const [what, aliases] of required) {
    if (!has(aliases)) issues.add(1, '(en-tête)', `colonne du ${what} introuvable : ${aliases.join(', ')}`);
  }
  if (!has(QPV_FIELDS.communes) && !has(QPV_FIELDS.communeNames)) {
    const all = [...QPV_FIELDS.communes, ...QPV_FIELDS.communeNames].join(', ');
    issues.add(1, '(en-tête)', `colonne des communes introuvable : ${all}`);
  }
  if (issues.length > 0) return [];
  const drafts: QpvDraft[] = [];
  for (const row of rows) {
    const draft = mapQpvRecord(row.line, row.values, null, issues);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
