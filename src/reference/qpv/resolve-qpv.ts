import type { QpvCommuneTable, QpvTable } from '../../db/schema.ts';
import { departementOfQpvCode, qpvGeneration } from '../../domain/territories/qpv-code.ts';
import type { CommuneIndex } from '../commune-index.ts';
import type { IssueList } from '../import-report.ts';
import type { QpvDraft } from './qpv-record.ts';

export interface QpvReference {
  communes: CommuneIndex;
  departements: Set<string>;
}

export interface ResolvedQpv {
  rows: Omit<QpvTable, 'vintage'>[];
  links: QpvCommuneTable[];
  generations: string[];
}

/**
 * Checks drafts against the administrative reference: département known, communes known (codes, or
 * names looked up in the QPV's département), codes unique. Former communes resolve to their successor
 * with a warning. Names only complete codes when both are given, so an odd name does not block them.
 */
export function resolveQpv(
  drafts: QpvDraft[],
  ref: QpvReference,
  issues: IssueList,
  warnings: string[],
): ResolvedQpv {
  const rows: ResolvedQpv['rows'] = [];
  const links: QpvCommuneTable[] = [];
  const generations = new Set<string>();
  const seen = new Map<string, number>();

  for (const d of drafts) {
    const before = issues.length;
    const first = seen.get(d.code);
    if (first !== undefined)
      issues.add(d.position, d.keys.code, `code ${d.code} en double (déjà en ${first})`);
    else seen.set(d.code, d.position);

    const departement = d.departement ?? departementOfQpvCode(d.code);
    if (!departement) {
      issues.add(d.position, d.keys.departement, 'département absent et impossible à déduire du code');
    } else if (!ref.departements.has(departement)) {
      issues.add(d.position, d.keys.departement, `département inconnu : ${departement}`);
    }

    const communes = new Set<string>();
    for (const code of d.communes) {
      if (ref.communes.current(code, true)) {
        communes.add(code);
        continue;
      }
      const next = ref.communes.successor(code);
      if (next) {
        communes.add(next.code);
        warnings.push(`${d.code} : la commune ${code} a fusionné, rattachement à ${next.nom} (${next.code})`);
      } else {
        issues.add(d.position, d.keys.communes, `commune inconnue : ${code}`);
      }
    }
    for (const name of departement ? d.communeNames : []) {
      const found = ref.communes.resolveName(departement as string, name);
      if ('code' in found) {
        communes.add(found.code);
        if (found.former)
          warnings.push(`${d.code} : « ${name} » est une ancienne commune, rattachement à ${found.code}`);
      } else if (d.communes.length > 0) {
        warnings.push(`${d.code} : ${found.error} (ignorée, les codes INSEE suffisent)`);
      } else {
        issues.add(d.position, d.keys.communeNames, found.error);
      }
    }
    if (issues.length > before || !departement) continue;

    const generation = qpvGeneration(d.code) ?? 'autre';
    generations.add(generation);
    rows.push({
      code: d.code,
      nom: d.nom,
      departement,
      population: d.population,
      generation,
      contour: d.geometry ? JSON.stringify(d.geometry) : null,
    });
    for (const commune of [...communes].sort()) links.push({ qpv: d.code, commune });
  }
  return { rows, links, generations: [...generations].sort() };
}
