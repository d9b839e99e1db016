import type { CommuneNature } from '../db/schema.ts';
import { normalizeForSearch } from '../domain/text/normalize.ts';

/** A commune-level entry of the administrative reference, as the importers need it. */
export interface CommuneRef {
  code: string;
  nom: string;
  nature: CommuneNature;
  departement: string | null;
  region: string | null;
  epci: string | null;
  parent: string | null;
  anciensCodes: string[];
}

export type NameResolution = { code: string; former?: string } | { error: string };

const isCurrent = (c: CommuneRef) => c.nature === 'commune_actuelle';

/**
 * Lookups over the commune reference loaded once per import: current communes by code, former codes
 * to their successor, and names within a département (accents, case, hyphens and "St" do not matter).
 */
export class CommuneIndex {
  private readonly currentByCode = new Map<string, CommuneRef>();
  private readonly arrondissements = new Map<string, CommuneRef>();
  private readonly successors = new Map<string, string>();
  private readonly byName = new Map<string, CommuneRef[]>();
  private readonly byEpci = new Map<string, CommuneRef[]>();

  constructor(communes: CommuneRef[]) {
    for (const c of communes) {
      if (isCurrent(c)) {
        this.currentByCode.set(c.code, c);
        for (const old of c.anciensCodes) if (old !== c.code) this.successors.set(old, c.code);
        if (c.epci) push(this.byEpci, c.epci, c);
      } else if (c.nature === 'arrondissement_municipal') {
        this.arrondissements.set(c.code, c);
      }
      if (c.departement) push(this.byName, nameKey(c.departement, c.nom), c);
    }
    for (const c of communes) {
      if (c.nature !== 'commune_actuelle' && c.nature !== 'arrondissement_municipal' && c.parent) {
        if (!this.currentByCode.has(c.code)) this.successors.set(c.code, c.parent);
      }
    }
  }

  /** A current commune, or an arrondissement municipal when `withArrondissements`. */
  current(code: string, withArrondissements = false): CommuneRef | undefined {
    return this.currentByCode.get(code) ?? (withArrondissements ? this.arrondissements.get(code) : undefined);
  }

  isArrondissement(code: string): boolean {
    return this.arrondissements.has(code);
  }

  /** Current commune that took over a former code (merger), if any. */
  successor(code: string): CommuneRef | undefined {
    const next = this.successors.get(code);
    return next ? this.currentByCode.get(next) : undefined;
  }

  membersOfEpci(siren: string): CommuneRef[] {
    return this.byEpci.get(siren) ?? [];
  }

  /** A commune named `name` in département `departement`; a former commune resolves to its successor. */
  resolveName(departement: string, name: string): NameResolution {
    const found = this.byName.get(nameKey(departement, name)) ?? [];
    const current = found.filter(isCurrent);
    if (current.length === 1) return { code: (current[0] as CommuneRef).code };
    if (current.length > 1) {
      const codes = current.map((c) => c.code).join(', ');
      return { error: `nom de commune ambigu dans le département ${departement} : « ${name} » (${codes})` };
    }
    const former = found.find((c) => c.parent && this.currentByCode.has(c.parent));
    if (former?.parent) return { code: former.parent, former: former.nom };
    return { error: `commune inconnue dans le département ${departement} : « ${name} »` };
  }
}

function nameKey(departement: string, name: string): string {
  return `${departement}|${normalizeForSearch(name)}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
