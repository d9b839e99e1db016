import type { QpvInfo } from '../analytics/qpv-coverage.ts';
import type { TerritoryDetail } from './schemas.ts';
import type { CommuneNature, TerritoryEntry, TerritoryRef, TerritoryType } from './types.ts';

/** Which commune-level row a code names when several share it (a commune déléguée and its chef-lieu). */
const NATURE_RANK: Record<CommuneNature, number> = {
  commune_actuelle: 0,
  arrondissement_municipal: 1,
  commune_deleguee: 2,
  commune_associee: 2,
};
const SUBDIVISIONS: readonly CommuneNature[] = [
  'arrondissement_municipal',
  'commune_deleguee',
  'commune_associee',
];

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function ref(e: TerritoryEntry): TerritoryRef {
  return e.type === 'commune'
    ? { type: 'commune', code: e.code, nom: e.nom, nature: e.nature }
    : { type: e.type, code: e.code, nom: e.nom };
}

function push<V>(map: Map<string, V[]>, key: string | false | undefined, value: V) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A QPV lies in one or several communes (the whole city for Paris, Lyon and Marseille). */
export interface QpvLink {
  qpv: string;
  commune: string;
}

/**
 * Parents and children of every territory, built once from the same entries as the search index, so that
 * a territory detail is answered from memory instead of five round trips to the database.
 */
export class TerritoryTree {
  private readonly byKey = new Map<string, TerritoryEntry>();
  private readonly children = new Map<string, TerritoryEntry[]>();
  private readonly qpvOfCommune = new Map<string, TerritoryEntry[]>();
  private readonly communesOfQpv = new Map<string, TerritoryEntry[]>();

  constructor(entries: readonly TerritoryEntry[], qpvLinks: readonly QpvLink[] = []) {
    for (const e of entries) {
      const key = `${e.type}:${e.code}`;
      const seen = this.byKey.get(key);
      if (!seen || rank(e) < rank(seen)) this.byKey.set(key, e);
      if (e.type === 'departement') push(this.children, e.region && `region:${e.region}`, e);
      if (e.type !== 'commune') continue;
      if (e.nature === 'commune_actuelle') {
        push(this.children, e.departement && `departement:${e.departement}`, e);
        push(this.children, e.epci && `epci:${e.epci}`, e);
      } else if (e.nature && SUBDIVISIONS.includes(e.nature)) {
        push(this.children, e.communeParent && `commune:${e.communeParent}`, e);
      }
    }
    for (const { qpv, commune } of qpvLinks) {
      const q = this.byKey.get(`qpv:${qpv}`);
      const c = this.byKey.get(`commune:${commune}`);
      if (!q || !c) continue;
      push(this.qpvOfCommune, commune, q);
      if (c.nature === 'commune_actuelle' || c.nature === 'arrondissement_municipal')
        push(this.communesOfQpv, qpv, c);
    }
    for (const map of [this.children, this.qpvOfCommune, this.communesOfQpv])
      for (const list of map.values()) list.sort(byCode);
  }

  detail(type: TerritoryType, code: string): TerritoryDetail | null {
    const e = this.byKey.get(`${type}:${code}`);
    if (!e) return null;
    const base = { type, code, nom: e.nom, population: e.population };
    const enfants = (this.children.get(`${type}:${code}`) ?? []).map(ref);
    switch (type) {
      case 'region':
        return { ...base, parents: [], enfants };
      case 'departement':
        return { ...base, parents: this.refs([['region', e.region]]), enfants };
      case 'epci':
        return { ...base, parents: this.parentsOfEpci(code), enfants };
      case 'commune':
        return {
          ...base,
          nature: e.nature,
          codesPostaux: e.codesPostaux ?? [],
          parents: this.refs([
            ['commune', e.communeParent],
            ['epci', e.epci],
            ['departement', e.departement],
            ['region', e.region],
          ]),
          // A commune déléguée may bear the code of its chef-lieu: it is not its own child.
          enfants: [
            ...(e.nature === 'commune_actuelle'
              ? enfants.filter((c) => !(c.code === code && c.nature !== 'arrondissement_municipal'))
              : []),
            ...(this.qpvOfCommune.get(code) ?? []).map(ref),
          ],
        };
      case 'qpv':
        return {
          ...base,
          parents: [
            ...(this.communesOfQpv.get(code) ?? []).map(ref),
            ...this.refs([
              ['departement', e.departement],
              ['region', e.region],
            ]),
          ],
          enfants: [],
        };
      default:
        return null;
    }
  }

  /**
   * QPV lying in any of these communes (a QPV of a territory), each with every commune it lies in:
   * profiles count them and tell which are covered.
   */
  get qpvCount(): number {
    return this.communesOfQpv.size;
  }

  qpvIn(communes: readonly string[]): QpvInfo[] {
    const found = new Map<string, TerritoryEntry>();
    for (const c of communes) for (const q of this.qpvOfCommune.get(c) ?? []) found.set(q.code, q);
    return [...found.values()].sort(byCode).map((q) => this.qpvInfo(q));
  }

  /** One QPV with its communes, or null when the code is unknown. */
  qpv(code: string): QpvInfo | null {
    const q = this.byKey.get(`qpv:${code}`);
    return q ? this.qpvInfo(q) : null;
  }

  private qpvInfo(q: TerritoryEntry): QpvInfo {
    return {
      code: q.code,
      nom: q.nom,
      population: q.population,
      communes: (this.communesOfQpv.get(q.code) ?? []).map((c) => c.code),
    };
  }

  /** Départements of the member communes (by code), then their régions. */
  private parentsOfEpci(code: string): TerritoryRef[] {
    const members = this.children.get(`epci:${code}`) ?? [];
    const deps = [...new Set(members.map((m) => m.departement))]
      .filter((d): d is string => Boolean(d))
      .sort();
    const depRefs = this.refs(deps.map((d) => ['departement', d]));
    const regions = [...new Set(deps.map((d) => this.byKey.get(`departement:${d}`)?.region))];
    return [...depRefs, ...this.refs(regions.map((r) => ['region', r]))];
  }

  private refs(pairs: [TerritoryType, string | undefined][]): TerritoryRef[] {
    const out: TerritoryRef[] = [];
    for (const [type, code] of pairs) {
      const e = code ? this.byKey.get(`${type}:${code}`) : undefined;
      if (e) out.push(ref(e));
    }
    return out;
  }
}

function rank(e: TerritoryEntry): number {
  return e.nature ? NATURE_RANK[e.nature] : 0;
}
