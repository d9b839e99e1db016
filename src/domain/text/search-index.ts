import { normalizeForSearch, searchTokens } from './normalize.ts';

/**
 * Declarative description of a search index: what text is matched, which codes find an entry
 * exactly, and a static boost (population, kind) that orders entries of equal relevance.
 */
export interface SearchIndexDefinition<T> {
  text: (entry: T) => string;
  codes: (entry: T) => { exact: string[]; secondary?: string[] };
  boost: (entry: T) => number;
  /** Other words the entry is known by (a usual short name, a code typed in part): matched like the text. */
  aliases?: (entry: T) => string[];
}

export interface SearchHit<T> {
  entry: T;
  score: number;
}

// Relevance tiers; the boost (a few units at most) only orders entries inside a tier.
const TIER_CODE = 1000;
const TIER_SECONDARY_CODE = 900;
const TIER_EXACT = 300;
const TIER_PREFIX = 200;
const TIER_TOKENS = 100;
const EXTRA_TOKEN_PENALTY = 0.3;

/**
 * In-memory prefix index: every (token, entry) pair sorted by token, so a query token's prefix range is
 * found by binary search. The candidates come from the rarest query token, then are verified.
 */
export class SearchIndex<T> {
  private readonly names: string[] = [];
  /** Each entry's aliases, normalised: typing one whole is as good as typing the name. */
  private readonly aliasNames: string[][] = [];
  private readonly tokens: string[][] = [];
  private readonly boosts: number[] = [];
  private readonly postingTokens: string[] = [];
  private readonly postingEntries: Int32Array;
  private readonly exactCodes = new Map<string, number[]>();
  private readonly secondaryCodes = new Map<string, number[]>();

  constructor(
    private readonly entries: readonly T[],
    definition: SearchIndexDefinition<T>,
  ) {
    const pairs: [string, number][] = [];
    entries.forEach((entry, i) => {
      const toks = searchTokens(definition.text(entry));
      const aliasList = definition.aliases?.(entry) ?? [];
      this.aliasNames.push(aliasList.map((a) => normalizeForSearch(a)));
      const aliases = aliasList.flatMap((a) => searchTokens(a));
      // Aliases are matched like words of the name, but the name alone decides an exact match.
      this.tokens.push([...toks, ...aliases]);
      this.names.push(toks.join(' '));
      this.boosts.push(definition.boost(entry));
      for (const t of new Set([...toks, ...aliases])) pairs.push([t, i]);
      const { exact, secondary = [] } = definition.codes(entry);
      for (const c of exact) push(this.exactCodes, c.toUpperCase(), i);
      for (const c of secondary) push(this.secondaryCodes, c.toUpperCase(), i);
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.postingEntries = new Int32Array(pairs.length);
    pairs.forEach(([t, i], k) => {
      this.postingTokens.push(t);
      this.postingEntries[k] = i;
    });
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, options: { limit: number; filter?: (entry: T) => boolean }): SearchHit<T>[] {
    const scores = new Map<number, number>();
    const code = query.trim().toUpperCase();
    for (const i of this.exactCodes.get(code) ?? []) scores.set(i, TIER_CODE);
    for (const i of this.secondaryCodes.get(code) ?? [])
      if (!scores.has(i)) scores.set(i, TIER_SECONDARY_CODE);
    this.matchText(query, scores);

    const hits: SearchHit<T>[] = [];
    for (const [i, tier] of scores) {
      const entry = this.entries[i] as T;
      if (options.filter && !options.filter(entry)) continue;
      hits.push({ entry, score: tier + (this.boosts[i] ?? 0) });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, options.limit);
  }

  private matchText(query: string, scores: Map<number, number>) {
    const qTokens = searchTokens(query);
    if (qTokens.length === 0) return;
    const qName = normalizeForSearch(query);
    const ranges = qTokens.map((t) => this.prefixRange(t));
    const rarest = ranges.reduce((a, b) => (b[1] - b[0] < a[1] - a[0] ? b : a));
    for (let k = rarest[0]; k < rarest[1]; k++) {
      const i = this.postingEntries[k] as number;
      if (scores.has(i)) continue;
      const toks = this.tokens[i] as string[];
      if (!qTokens.every((q) => toks.some((t) => t.startsWith(q)))) continue;
      const name = this.names[i] as string;
      const extra = Math.max(0, toks.length - qTokens.length) * EXTRA_TOKEN_PENALTY;
      const exact = name === qName || (this.aliasNames[i] as string[]).includes(qName);
      const tier = exact ? TIER_EXACT : name.startsWith(qName) ? TIER_PREFIX : TIER_TOKENS;
      scores.set(i, tier - extra);
    }
  }

  /** [start, end) of the postings whose token starts with `prefix`. */
  private prefixRange(prefix: string): [number, number] {
    const start = lowerBound(this.postingTokens, prefix);
    let end = start;
    const n = this.postingTokens.length;
    // Upper bound by binary search on the first token that no longer starts with the prefix.
    let lo = start;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.postingTokens[mid] as string).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    end = lo;
    return [start, end];
  }
}

function lowerBound(arr: string[], value: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
