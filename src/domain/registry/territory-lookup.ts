import { normalizeForSearch } from '../text/normalize.ts';

/** Reference names an import resolves against, loaded once per import. */
export interface LookupCommune {
  code: string;
  nom: string;
  departement: string | null;
  /** Current commune or arrondissement; former communes only serve the error message. */
  current: boolean;
  parent: string | null;
}

export interface LookupData {
  communes: LookupCommune[];
  epci: { code: string; nom: string }[];
  departements: { code: string; nom: string }[];
}

export type Resolution = { code: string } | { error: string };

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/i;
const EPCI_CODE = /^\d{9}$/;
const DEPARTEMENT_CODE = /^(\d{2}|2[AB]|9[78]\d)$/i;
/** "Saint-Denis (93)" or "Saint-Denis (Seine-Saint-Denis)". */
const WITH_DEPARTEMENT = /^(.+?)\s*\(([^()]+)\)$/;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Resolves the territories of an import cell: codes pass through (their existence is checked later with
 * the rest of the record), names are matched whatever their accents, case, hyphens or "St"/"Saint".
 */
export class TerritoryLookup {
  private readonly communesByName: Map<string, LookupCommune[]>;
  private readonly epciByName: Map<string, { code: string; nom: string }[]>;
  private readonly depByName: Map<string, { code: string; nom: string }[]>;
  private readonly depNames: Map<string, string>;
  private readonly communeNames: Map<string, string>;

  constructor(data: LookupData) {
    this.communesByName = groupBy(data.communes, (c) => normalizeForSearch(c.nom));
    this.epciByName = groupBy(data.epci, (e) => normalizeForSearch(e.nom));
    this.depByName = groupBy(data.departements, (d) => normalizeForSearch(d.nom));
    this.depNames = new Map(data.departements.map((d) => [d.code, d.nom]));
    this.communeNames = new Map(data.communes.filter((c) => c.current).map((c) => [c.code, c.nom]));
  }

  commune(token: string): Resolution {
    const value = token.trim();
    if (/^\d{4}$/.test(value)) return { code: `0${value}` }; // leading zero lost by a spreadsheet
    if (COMMUNE_CODE.test(value)) return { code: value.toUpperCase() };
    const qualified = WITH_DEPARTEMENT.exec(value);
    const name = qualified ? (qualified[1] as string) : value;
    let found = this.communesByName.get(normalizeForSearch(name)) ?? [];
    if (qualified) {
      const dep = this.departement(qualified[2] as string);
      if ('error' in dep) return { error: `commune « ${value} » : ${dep.error}` };
      found = found.filter((c) => c.departement === dep.code);
    }
    const current = found.filter((c) => c.current);
    if (current.length === 1) return { code: (current[0] as LookupCommune).code };
    if (current.length > 1) {
      const candidates = current
        .map((c) => `${c.nom} (${c.code}, ${this.depLabel(c.departement)})`)
        .join(', ');
      return {
        error:
          `nom de commune ambigu « ${value} » : ${candidates} — indiquez le code INSEE ou le département, ` +
          `par exemple « ${name} (${current[0]?.departement ?? ''}) »`,
      };
    }
    const former = found.find((c) => c.parent);
    if (former?.parent) {
      const parentName = this.communeNames.get(former.parent) ?? former.parent;
      return {
        error: `« ${value} » n’est plus une commune : elle fait partie de ${parentName} (${former.parent})`,
      };
    }
    return { error: `commune inconnue : « ${value} »` };
  }

  epci(token: string): Resolution {
    const value = token.trim();
    if (EPCI_CODE.test(value)) return { code: value };
    const found = this.epciByName.get(normalizeForSearch(value)) ?? [];
    if (found.length === 1) return { code: (found[0] as { code: string }).code };
    if (found.length > 1) {
      const list = found.map((e) => `${e.nom} (${e.code})`).join(', ');
      return { error: `nom d’EPCI ambigu « ${value} » : ${list} — indiquez le SIREN` };
    }
    return { error: `EPCI inconnu : « ${value} » (SIREN à 9 chiffres ou nom exact attendu)` };
  }

  departement(token: string): Resolution {
    const value = token.trim();
    if (/^\d$/.test(value)) return { code: `0${value}` };
    if (DEPARTEMENT_CODE.test(value)) return { code: value.toUpperCase() };
    const found = this.depByName.get(normalizeForSearch(value)) ?? [];
    if (found.length === 1) return { code: (found[0] as { code: string }).code };
    return { error: `département inconnu : « ${value} »` };
  }

  private depLabel(code: string | null): string {
    if (!code) return 'département inconnu';
    const nom = this.depNames.get(code);
    return nom ? `${nom} ${code}` : code;
  }
}
