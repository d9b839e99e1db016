import type { ContratVilleCommuneTable, ContratVilleTable } from '../../db/schema.ts';
import type { CommuneIndex } from '../commune-index.ts';
import type { IssueList } from '../import-report.ts';
import type { ContratDraft } from './contrat-record.ts';
import type { EptRef } from './ept.ts';

export interface ContratReference {
  communes: CommuneIndex;
  epci: Map<string, string>;
  ept: Map<string, EptRef>;
  departements: Set<string>;
}

export interface ResolvedContrats {
  rows: Omit<ContratVilleTable, 'vintage'>[];
  communes: ContratVilleCommuneTable[];
  contrats: number;
}

interface Territory {
  type: ContratVilleTable['territoire_type'];
  nom: string;
  communes: string[];
}

/**
 * Checks each contract territory against the reference: a SIREN must be an EPCI or an EPT, a commune
 * code a current commune (a merged one resolves to its successor with a warning). The département
 * missing from the source is the one most member communes lie in.
 */
export function resolveContrats(
  drafts: ContratDraft[],
  ref: ContratReference,
  issues: IssueList,
  warnings: string[],
): ResolvedContrats {
  const rows: ResolvedContrats['rows'] = [];
  const members = new Map<string, Set<string>>();
  const seen = new Map<string, number>();
  const shared = sharedTerritories(drafts);

  for (const d of drafts) {
    const key = `${d.code}|${d.territoire}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(
        d.position,
        d.keys.territoire,
        `territoire ${d.territoire} en double pour ${d.code} (déjà en ${first})`,
      );
      continue;
    }
    seen.set(key, d.position);
    const territory = findTerritory(d, ref, issues, warnings);
    if (d.departement && !ref.departements.has(d.departement)) {
      issues.add(d.position, d.keys.departement, `département inconnu : ${d.departement}`);
    }
    if (!territory) continue;
    const code = territory.type === 'commune' ? (territory.communes[0] as string) : d.territoire;
    rows.push({
      code: d.code,
      nom: d.nom ?? territory.nom,
      territoire_type: territory.type,
      territoire_code: code,
      departement: d.departement ?? mainDepartement(territory.communes, ref.communes),
      population: d.population,
    });
    // An EPT spanning two départements signs one contract per département, each for its own communes.
    const own =
      shared.has(d.territoire) && d.departement
        ? territory.communes.filter((c) => ref.communes.current(c)?.departement === d.departement)
        : territory.communes;
    const set = members.get(d.code) ?? new Set<string>();
    for (const c of own) set.add(c);
    members.set(d.code, set);
  }
  const communes = [...members].flatMap(([contrat, set]) =>
    [...set].sort().map((commune) => ({ contrat, commune })),
  );
  return { rows, communes, contrats: members.size };
}

/** Territories named by contracts of different départements. */
function sharedTerritories(drafts: ContratDraft[]): Set<string> {
  const departements = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (!d.departement) continue;
    const set = departements.get(d.territoire) ?? new Set<string>();
    set.add(d.departement);
    departements.set(d.territoire, set);
  }
  return new Set([...departements].filter(([, set]) => set.size > 1).map(([code]) => code));
}

function findTerritory(
  d: ContratDraft,
  ref: ContratReference,
  issues: IssueList,
  warnings: string[],
): Territory | null {
  if (/^\d{9}$/.test(d.territoire)) {
    const epci = ref.epci.get(d.territoire);
    if (epci) {
      const communes = ref.communes.membersOfEpci(d.territoire).map((c) => c.code);
      return { type: 'epci', nom: epci, communes };
    }
    const ept = ref.ept.get(d.territoire);
    if (ept) {
      const known = ept.communes.filter((c) => ref.communes.current(c));
      if (known.length < ept.communes.length) {
        warnings.push(`${d.code} : communes de l’EPT ${ept.nom} absentes du référentiel ignorées`);
      }
      return { type: 'ept', nom: ept.nom, communes: known };
    }
    issues.add(
      d.position,
      d.keys.territoire,
      `EPCI ou établissement public territorial inconnu : ${d.territoire}`,
    );
    return null;
  }
  const commune = ref.communes.current(d.territoire);
  if (commune) return { type: 'commune', nom: commune.nom, communes: [commune.code] };
  const next = ref.communes.successor(d.territoire);
  if (next) {
    warnings.push(
      `${d.code} : la commune ${d.territoire} a fusionné, rattachement à ${next.nom} (${next.code})`,
    );
    return { type: 'commune', nom: next.nom, communes: [next.code] };
  }
  issues.add(d.position, d.keys.territoire, `commune inconnue : ${d.territoire}`);
  return null;
}

function mainDepartement(communes: string[], index: CommuneIndex): string | null {
  const counts = new Map<string, number>();
  for (const code of communes) {
    const dep = index.current(code)?.departement;
    if (dep) counts.set(dep, (counts.get(dep) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [dep, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = dep;
  return best;
}
