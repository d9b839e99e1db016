import { normalizeForSearch } from '../text/normalize.ts';
import { closestNames, epciKey } from './name-suggestions.ts';

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
  private readonly epciByKey: Map<string, { code: string; nom: string }[]>;
  private readonly currentCommunes: (LookupCommune & { key: string })[];
  private readonly epciKeys: { code: string; nom: string; key: string }[];
  /** Suggestions already computed, by typed value: a file repeats the same unknown name. */
  private readonly suggested = new Map<string, string>();

  constructor(data: LookupData) {
    this.communesByName = groupBy(data.communes, (c) => normalizeForSearch(c.nom));
    this.epciByName = groupBy(data.epci, (e) => normalizeForSearch(e.nom));
    this.depByName = groupBy(data.departements, (d) => normalizeForSearch(d.nom));
    this.depNames = new Map(data.departements.map((d) => [d.code, d.nom]));
    this.communeNames = new Map(data.communes.filter((c) => c.current).map((c) => [c.code, c.nom]));
    this.epciByKey = groupBy(data.epci, (e) => epciKey(e.nom));
    this.currentCommunes = data.communes
      .filter((c) => c.current)
      .map((c) => ({ ...c, key: normalizeForSearch(c.nom) }));
    this.epciKeys = data.epci.map((e) => ({ ...e, key: epciKey(e.nom) }));
  }

  /** " — vouliez-vous dire : …" with up to three close names, or nothing. Bounded: a bad file stays quick. */
  private suggestion(kind: 'commune' | 'epci', typed: string, departement?: string): string {
    const cacheKey = `${kind}:${departement ?? ''}:${typed}`;
    const known = this.suggested.get(cacheKey);
    if (known !== undefined) return known;
    let text = '';
    if (this.suggested.size < 200) {
      const names =
        kind === 'commune'
          ? closestNames(
              typed,
              departement
                ? this.currentCommunes.filter((c) => c.departement === departement)
                : this.currentCommunes,
              (c) => c.key,
            ).map((c) => `${c.nom} (${c.code}, ${this.depLabel(c.departement)})`)
          : closestNames(epciKey(typed), this.epciKeys, (e) => e.key).map((e) => `${e.nom} (${e.code})`);
      text = names.length > 0 ? ` — vouliez-vous dire : ${names.join(' ; ')} ?` : '';
    }
    this.suggested.set(cacheKey, text);
    return text;
  }

  commune(token: string): Resolution {
    const value = token.trim();
    if (/^\d{4}$/.test(value)) return { code: `0${value}` }; // leading zero lost by a spreadsheet
    if (COMMUNE_CODE.test(value)) return { code: value.toUpperCase() };
    const qualified = WITH_DEPARTEMENT.exec(value);
    // "Saint-Étienne (42218)": the code in brackets decides.
    if (qualified && COMMUNE_CODE.test((qualified[2] as string).trim()))
      return { code: (qualified[2] as string).trim().toUpperCase() };
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
    let scope: string | undefined;
    if (qualified) {
      const dep = this.departement(qualified[2] as string);
      if ('code' in dep) scope = dep.code;
    }
    return { error: `commune inconnue : « ${value} »${this.suggestion('commune', name, scope)}` };
  }

  epci(token: string): Resolution {
    const value = token.trim();
    if (EPCI_CODE.test(value)) return { code: value };
    // "CC des Monts du Pilat (200066587)": the SIREN in brackets decides.
    const bracketed = /\((\d{9})\)\s*$/.exec(value);
    if (bracketed) return { code: bracketed[1] as string };
    let found = this.epciByName.get(normalizeForSearch(value)) ?? [];
    // The same name written with or without its legal form ("CA", "Communauté de communes du…").
    if (found.length === 0) found = this.epciByKey.get(epciKey(value)) ?? [];
    if (found.length === 1) return { code: (found[0] as { code: string }).code };
    if (found.length > 1) {
      const list = found.map((e) => `${e.nom} (${e.code})`).join(', ');
      return { error: `nom d’EPCI ambigu « ${value} » : ${list} — indiquez le SIREN` };
    }
    return {
      error: `EPCI inconnu : « ${value} » (SIREN à 9 chiffres ou nom attendu)${this.suggestion('epci', value)}`,
    };
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
