import { searchTokens } from '../text/normalize.ts';
import { actionMatcher, FACETS, type FacetCounts, type FacetName } from './action-filter.ts';
import type { CatalogueAction } from './catalogue-action.ts';
import type { ActionFilters, ActionSort } from './schemas.ts';

/** Filters answered by the bitsets of the facets: an action matches when it has one of the values. */
const INDEXED_FILTERS = [
  'type',
  'echelle',
  'milieu',
  'qpv',
  'impliqueVille',
  'public',
  'financeur',
  'partenaire',
  'politique',
  'axe',
  'etape',
  'theme',
  'determinant',
  'dispositif',
  'role',
  'region',
  'departement',
] as const satisfies readonly (keyof ActionFilters & FacetName)[];

type Bits = Uint32Array;

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARE: Record<ActionSort, (a: CatalogueAction, b: CatalogueAction) => number> = {
  titre: (a, b) => byKey(a.titleKey, b.titleKey) || byKey(a.id, b.id),
  // Most recent start first, actions without a start date last.
  debut: (a, b) => byKey(b.doc.debut ?? '', a.doc.debut ?? '') || byKey(a.titleKey, b.titleKey),
  modification: (a, b) => byKey(b.modifieLe, a.modifieLe) || byKey(a.id, b.id),
};

/**
 * The actions of one catalogue version, indexed for faceted search: one bitset per facet value, the
 * facet values of each action as small integer ids (to count facets over any result), and the order of
 * each sort. Built once per version (a write makes a new one); queries then cost a few bitset
 * operations and one pass over the actions found.
 */
export class ActionIndex {
  private readonly words: number;
  private readonly postings = new Map<string, Bits>();
  private readonly facetIds: Int32Array[];
  private readonly facetOfId: { facet: FacetName; value: string }[] = [];
  private readonly orders = new Map<ActionSort, Int32Array>();
  /** Words of the actions' texts, sorted, with the actions of each: `q` looks up prefixes. */
  private readonly vocabulary: string[];
  private readonly wordActions: number[][];
  /** Actions by commune, EPCI and QPV covered, by dynamic involved and by notice linked. */
  private readonly links = new Map<string, number[]>();
  private readonly startYears: Int16Array;
  private readonly endYears: Int16Array;
  private allFacets: FacetCounts | null = null;
  private allCounts: Int32Array | null = null;

  constructor(readonly actions: readonly CatalogueAction[]) {
    this.words = (actions.length >>> 5) + 1;
    const ids = new Map<string, number>();
    const words = new Map<string, number[]>();
    const link = (key: string, i: number) => {
      const list = this.links.get(key);
      if (list) list.push(i);
      else this.links.set(key, [i]);
    };
    this.startYears = new Int16Array(actions.length);
    this.endYears = new Int16Array(actions.length);
    this.facetIds = actions.map((a, i) => {
      const own = new Int32Array(a.facetKeys.length);
      a.facetKeys.forEach((key, k) => {
        let id = ids.get(key);
        if (id === undefined) {
          id = this.facetOfId.length;
          ids.set(key, id);
          const colon = key.indexOf(':');
          this.facetOfId.push({ facet: key.slice(0, colon) as FacetName, value: key.slice(colon + 1) });
          this.postings.set(key, new Uint32Array(this.words));
        }
        own[k] = id;
        const posting = this.postings.get(key) as Bits;
        posting[i >>> 5] = (posting[i >>> 5] as number) | (1 << (i & 31));
      });
      for (const word of a.wordList) {
        const list = words.get(word);
        if (list) list.push(i);
        else words.set(word, [i]);
      }
      for (const c of a.geo.communes) link(`commune:${c}`, i);
      for (const e of a.geo.epci) link(`epci:${e}`, i);
      for (const q of a.doc.territoire.qpv) link(`qpv:${q}`, i);
      for (const d of a.dynamiques) link(`dynamique:${d.id}`, i);
      for (const r of a.doc.ressources) link(`ressource:${r}`, i);
      // 0 without a start; 9999 without an end (the current year is applied at query time).
      this.startYears[i] = a.startYear ?? 0;
      this.endYears[i] = a.doc.fin ? Number(a.doc.fin.slice(0, 4)) : 9999;
      return own;
    });
    this.vocabulary = [...words.keys()].sort(byKey);
    this.wordActions = this.vocabulary.map((w) => words.get(w) as number[]);
  }

  /** The order of a sort, computed on first use (a rebuilt index after a write sorts only what is asked). */
  private order(sort: ActionSort): Int32Array {
    const kept = this.orders.get(sort);
    if (kept) return kept;
    const a = this.actions;
    const compare = COMPARE[sort];
    // A plain array sorts several times faster than a typed array with a comparison function.
    const order = Int32Array.from(
      [...a.keys()].sort((x, y) => compare(a[x] as CatalogueAction, a[y] as CatalogueAction)),
    );
    this.orders.set(sort, order);
    return order;
  }

  /** The actions matching the filters, as a bitset over `actions`. */
  search(f: ActionFilters, today: string): Bits {
    const bits = new Uint32Array(this.words).fill(0xffffffff);
    const n = this.actions.length;
    // The last word holds n % 32 actions: the bits past them stay clear.
    bits[this.words - 1] = n & 31 ? (1 << (n & 31)) - 1 : 0;
    for (const name of INDEXED_FILTERS) {
      const wanted = f[name];
      if (wanted === undefined) continue;
      const values = Array.isArray(wanted) ? wanted : [String(wanted)];
      const any = new Uint32Array(this.words);
      for (const v of values) {
        const posting = this.postings.get(`${name}:${v}`);
        if (posting)
          for (let w = 0; w < this.words; w++) any[w] = (any[w] as number) | (posting[w] as number);
      }
      for (let w = 0; w < this.words; w++) bits[w] = (bits[w] as number) & (any[w] as number);
    }
    const keep = (lists: (number[] | undefined)[]) => {
      const any = new Uint32Array(this.words);
      for (const list of lists)
        for (const i of list ?? []) any[i >>> 5] = (any[i >>> 5] as number) | (1 << (i & 31));
      for (let w = 0; w < this.words; w++) bits[w] = (bits[w] as number) & (any[w] as number);
    };
    for (const token of f.q ? searchTokens(f.q) : []) keep(this.wordsStartingWith(token));
    const t = f.territoire;
    if (t) {
      if (t.type === 'region' || t.type === 'departement') {
        const posting = this.postings.get(`${t.type}:${t.code}`);
        for (let w = 0; w < this.words; w++) bits[w] = (bits[w] as number) & (posting?.[w] ?? 0);
      } else keep([this.links.get(`${t.type}:${t.code}`)]);
    }
    if (f.dynamique) keep([this.links.get(`dynamique:${f.dynamique}`)]);
    if (f.ressource) keep([this.links.get(`ressource:${f.ressource}`)]);
    const thisYear = Number(today.slice(0, 4));
    const years = f.anneeMin !== undefined || f.anneeMax !== undefined;
    // A kind and a role asked together must be those of one same dynamic: the matcher says so.
    const matches = f.dispositif && f.role ? actionMatcher(f, today) : null;
    if (years || f.enCours !== undefined || matches) {
      this.forEach(bits, (i) => {
        let ok = true;
        if (years) {
          const start = this.startYears[i] as number;
          const stored = this.endYears[i] as number;
          const end = stored === 9999 ? thisYear : stored;
          ok =
            start !== 0 &&
            (f.anneeMax === undefined || start <= f.anneeMax) &&
            (f.anneeMin === undefined || end >= f.anneeMin);
        }
        if (ok && f.enCours !== undefined) {
          const fin = (this.actions[i] as CatalogueAction).doc.fin;
          ok = (fin === null || fin >= today) === f.enCours;
        }
        if (ok && matches) ok = matches(this.actions[i] as CatalogueAction);
        if (!ok) bits[i >>> 5] = (bits[i >>> 5] as number) & ~(1 << (i & 31));
      });
    }
    return bits;
  }

  /** The actions of every word starting with `prefix` (binary search in the sorted vocabulary). */
  private wordsStartingWith(prefix: string): number[][] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.vocabulary[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[][] = [];
    for (let k = lo; k < this.vocabulary.length && (this.vocabulary[k] as string).startsWith(prefix); k++)
      out.push(this.wordActions[k] as number[]);
    return out;
  }

  count(bits: Bits): number {
    let total = 0;
    for (let w = 0; w < this.words; w++) total += popcount(bits[w] as number);
    return total;
  }

  /** One page of the actions found, in the order asked. */
  page(bits: Bits, sort: ActionSort, offset: number, limit: number): CatalogueAction[] {
    const out: CatalogueAction[] = [];
    let seen = 0;
    for (const i of this.order(sort)) {
      if (!((bits[i >>> 5] as number) & (1 << (i & 31)))) continue;
      if (seen++ < offset) continue;
      out.push(this.actions[i] as CatalogueAction);
      if (out.length === limit) break;
    }
    return out;
  }

  /** Every action found, in the order asked (in no particular order without one). */
  members(bits: Bits, sort?: ActionSort): CatalogueAction[] {
    if (sort) return this.page(bits, sort, 0, Number.POSITIVE_INFINITY);
    const out: CatalogueAction[] = [];
    for (let w = 0; w < this.words; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        out.push(this.actions[(w << 5) + (31 - Math.clz32(low))] as CatalogueAction);
        word ^= low;
      }
    }
    return out;
  }

  /**
   * Facet counts over the actions found. The counts of the whole set are kept with the index; a result
   * holding more than half of the actions is counted as the whole minus the actions left out.
   */
  facets(bits: Bits): FacetCounts {
    const found = this.count(bits);
    const n = this.actions.length;
    if (found === n && this.allFacets) return this.allFacets;
    let counts: Int32Array;
    if (found > n / 2) {
      this.allCounts ??= this.countIds(this.search({}, ''));
      const left = this.countIds(this.complement(bits));
      counts = this.allCounts.map((c, id) => c - (left[id] as number));
    } else counts = this.countIds(bits);
    const out = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
    counts.forEach((c, id) => {
      if (c === 0) return;
      const { facet, value } = this.facetOfId[id] as { facet: FacetName; value: string };
      out[facet].set(value, c);
    });
    if (found === n) this.allFacets = out;
    return out;
  }

  private countIds(bits: Bits): Int32Array {
    const counts = new Int32Array(this.facetOfId.length);
    for (let w = 0; w < this.words; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        const ids = this.facetIds[(w << 5) + (31 - Math.clz32(low))] as Int32Array;
        for (let k = 0; k < ids.length; k++)
          counts[ids[k] as number] = (counts[ids[k] as number] as number) + 1;
        word ^= low;
      }
    }
    return counts;
  }

  /** The actions not in `bits`. */
  private complement(bits: Bits): Bits {
    const all = this.search({}, '');
    return all.map((w, i) => w & ~(bits[i] as number));
  }

  private forEach(bits: Bits, visit: (i: number) => void): void {
    for (let w = 0; w < this.words; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        visit((w << 5) + (31 - Math.clz32(low)));
        word ^= low;
      }
    }
  }
}
