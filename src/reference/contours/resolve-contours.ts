import type { ContourLevel, ContourTable } from '../../db/schema.ts';
import type { CommuneIndex } from '../commune-index.ts';
import type { IssueList } from '../import-report.ts';
import type { ContourDraft } from './contour-draft.ts';

export interface ContourReference {
  communes: CommuneIndex;
  departements: Map<string, { nom: string; region: string }>;
  regions: Map<string, string>;
  epci: Map<string, string>;
}

/**
 * Names and the départements/régions each outline lies in come from the administrative reference, so
 * that maps filter and label consistently whatever the source. Outlines of arrondissements municipaux
 * and of communes merged since the source was drawn are skipped with a warning; unknown codes are errors.
 */
export function resolveContours(
  drafts: ContourDraft[],
  ref: ContourReference,
  issues: IssueList,
  warnings: string[],
): ContourTable[] {
  const rows: ContourTable[] = [];
  const seen = new Map<string, number>();
  const skipped = { arrondissements: 0, merged: [] as string[], withoutCode: 0 };
  const departementsOfRegion = new Map<string, string[]>();
  for (const [code, d] of ref.departements) {
    departementsOfRegion.set(d.region, [...(departementsOfRegion.get(d.region) ?? []), code]);
  }

  for (const d of drafts) {
    const field = `${d.layer}.${d.codeKey}`;
    if (d.code === '') {
      if (d.niveau === 'epci') skipped.withoutCode++;
      else issues.add(d.position, field, 'code manquant');
      continue;
    }
    const key = `${d.niveau}|${d.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(d.position, field, `code ${d.code} en double (déjà en ${first})`);
      continue;
    }
    seen.set(key, d.position);
    const place = locate(d.niveau, d.code, ref, departementsOfRegion);
    if (place) {
      rows.push({ niveau: d.niveau, code: d.code, ...place, geometrie: JSON.stringify(d.geometry) });
    } else if (d.niveau === 'commune' && ref.communes.isArrondissement(d.code)) {
      skipped.arrondissements++;
    } else if (d.niveau === 'commune' && ref.communes.successor(d.code)) {
      skipped.merged.push(d.code);
    } else {
      issues.add(d.position, field, `${LABEL[d.niveau]} inconnu(e) dans le référentiel : ${d.code}`);
    }
  }
  if (skipped.arrondissements > 0) {
    warnings.push(
      `${skipped.arrondissements} arrondissement(s) municipal(aux) ignoré(s) : la carte montre leur ville`,
    );
  }
  if (skipped.merged.length > 0) {
    warnings.push(`communes fusionnées depuis, contours ignorés : ${skipped.merged.join(', ')}`);
  }
  if (skipped.withoutCode > 0) {
    warnings.push(`${skipped.withoutCode} contour(s) d’EPCI sans code ignoré(s) (communes hors EPCI)`);
  }
  return rows;
}

const LABEL: Record<ContourLevel, string> = {
  commune: 'commune',
  epci: 'EPCI',
  departement: 'département',
  region: 'région',
};

function locate(
  niveau: ContourLevel,
  code: string,
  ref: ContourReference,
  departementsOfRegion: Map<string, string[]>,
): Pick<ContourTable, 'nom' | 'departements' | 'regions'> | null {
  switch (niveau) {
    case 'commune': {
      const c = ref.communes.current(code);
      if (!c) return null;
      return {
        nom: c.nom,
        departements: c.departement ? [c.departement] : [],
        regions: c.region ? [c.region] : [],
      };
    }
    case 'epci': {
      const nom = ref.epci.get(code);
      if (!nom) return null;
      const members = ref.communes.membersOfEpci(code);
      const departements = [...new Set(members.map((m) => m.departement).filter((x): x is string => !!x))];
      const regions = [...new Set(members.map((m) => m.region).filter((x): x is string => !!x))];
      return { nom, departements: departements.sort(), regions: regions.sort() };
    }
    case 'departement': {
      const d = ref.departements.get(code);
      return d ? { nom: d.nom, departements: [code], regions: [d.region] } : null;
    }
    case 'region': {
      const nom = ref.regions.get(code);
      return nom
        ? { nom, departements: [...(departementsOfRegion.get(code) ?? [])].sort(), regions: [code] }
        : null;
    }
  }
}
