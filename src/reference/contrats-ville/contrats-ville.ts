import type { ContratVilleCommuneTable, ContratVilleTable } from '../../db/schema.ts';

/** A contrat de ville as the registry consumes it (one CONTRAT_VILLE dynamic per contract). */
export interface ContratVille {
  code: string;
  nom: string;
  departement: string | null;
  /** Figure published with the contract (the population of its QPV); null when absent. */
  population: number | null;
  territoires: { type: ContratVilleTable['territoire_type']; code: string }[];
  /** Every commune covered, resolved from the territories at import. */
  communes: string[];
  vintage: string;
}

/**
 * Rows are contract territories; a contract with several territories (communes of Polynesia, an EPCI
 * and one of its communes in Mayotte) repeats its code, label per territory and population figure.
 */
export function groupContrats(
  rows: ContratVilleTable[],
  communes: ContratVilleCommuneTable[],
): ContratVille[] {
  const communesOf = new Map<string, string[]>();
  for (const c of communes) communesOf.set(c.contrat, [...(communesOf.get(c.contrat) ?? []), c.commune]);
  const byCode = new Map<string, ContratVilleTable[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return [...byCode].map(([code, list]) => {
    const first = list[0] as ContratVilleTable;
    const populations = list.map((r) => r.population).filter((p): p is number => p !== null);
    return {
      code,
      nom: [...new Set(list.map((r) => r.nom))].join(' – '),
      departement: first.departement,
      population: populations.length > 0 ? Math.max(...populations) : null,
      territoires: list.map((r) => ({ type: r.territoire_type, code: r.territoire_code })),
      communes: [...(communesOf.get(code) ?? [])].sort(),
      vintage: first.vintage,
    };
  });
}
