import { matches, TITLE_BOOST } from './index-eval.ts';
import type { ResolvedPlan } from './index-query.ts';
import {
  AUDIENCE_BIT,
  DISPOSITIF_BIT,
  maskOf,
  type NoticeIndex,
  THEME_BIT,
  TYPE_INDEX,
} from './notice-index.ts';

// Runs a resolved query over the in-memory index: matching and relevance (index-eval.ts), then filters
// and facet counts in one pass over the matching slots, and the requested page in order.

/** Every filter must hold; a list holds when the notice has any of its values. */
export interface IndexFilters {
  types: readonly string[];
  dispositifs: readonly string[];
  themes: readonly string[];
  publics: readonly string[];
  anneeMin: number | null;
  anneeMax: number | null;
  /** `d:<id>` of a linked dynamic, `t:<type>:<code>` of a linked territory. */
  links: readonly string[];
}

export type IndexOrder = 'pertinence' | 'date';

export interface FacetCounts {
  types: Map<number, number>;
  years: Map<number, number>;
  dispositifs: number[];
  themes: number[];
  audiences: number[];
}

export interface IndexResult {
  total: number;
  /** Slots of the requested page, in order. */
  slots: number[];
  facets: FacetCounts;
}

const FIRST_YEAR = 1000;
const YEARS = 1300;

function countBits(mask: number, counts: Int32Array) {
  let m = mask;
  while (m !== 0) {
    const bit = m & -m;
    const i = 31 - Math.clz32(bit);
    counts[i] = (counts[i] as number) + 1;
    m ^= bit;
  }
}

const toList = (counts: Int32Array) => Array.from(counts);

/** Matching slots, facet counts of the whole filtered set, and the requested window in order. */
export function searchIndex(
  index: NoticeIndex,
  plan: ResolvedPlan,
  filters: IndexFilters,
  order: IndexOrder,
  window: { offset: number; limit: number },
): IndexResult {
  const hits = matches(index, plan);
  const { scores: scoreOf, slots: matched } = index.scratch();
  const boost = plan.must.length > 0 ? TITLE_BOOST : 1;
  let typeMask = 0;
  for (const t of filters.types) typeMask |= 1 << (TYPE_INDEX.get(t) ?? 31);
  const dispositifs = maskOf(filters.dispositifs, DISPOSITIF_BIT);
  const themes = maskOf(filters.themes, THEME_BIT);
  const audiences = maskOf(filters.publics, AUDIENCE_BIT);
  const types = new Int32Array(32);
  const years = new Int32Array(YEARS);
  const counts = { d: new Int32Array(32), t: new Int32Array(32), a: new Int32Array(32) };
  const total = hits ? hits.slots.length : index.slotCount;
  let count = 0;
  for (let k = 0; k < total; k++) {
    const s = hits ? (hits.slots[k] as number) : k;
    if (!index.alive[s]) continue;
    const type = index.types[s] as number;
    if (typeMask && (type < 0 || !((1 << type) & typeMask))) continue;
    if (dispositifs && !((index.dispositifMasks[s] as number) & dispositifs)) continue;
    if (themes && !((index.themeMasks[s] as number) & themes)) continue;
    if (audiences && !((index.audienceMasks[s] as number) & audiences)) continue;
    const year = index.years[s] as number;
    if (filters.anneeMin !== null && (year < 0 || year < filters.anneeMin)) continue;
    if (filters.anneeMax !== null && (year < 0 || year > filters.anneeMax)) continue;
    if (filters.links.length > 0) {
      const links = index.links[s] as readonly string[];
      if (!filters.links.every((l) => links.includes(l))) continue;
    }
    matched[count++] = s;
    if (hits) scoreOf[s] = (hits.scores[k] as number) * (hits.title[k] ? boost : 1);
    if (type >= 0) types[type] = (types[type] as number) + 1;
    if (year >= FIRST_YEAR && year < FIRST_YEAR + YEARS)
      years[year - FIRST_YEAR] = (years[year - FIRST_YEAR] as number) + 1;
    countBits(index.dispositifMasks[s] as number, counts.d);
    countBits(index.themeMasks[s] as number, counts.t);
    countBits(index.audienceMasks[s] as number, counts.a);
  }
  const facets: FacetCounts = {
    types: new Map(toList(types).flatMap((c, i) => (c > 0 ? [[i, c] as [number, number]] : []))),
    years: new Map(toList(years).flatMap((c, i) => (c > 0 ? [[i + FIRST_YEAR, c] as [number, number]] : []))),
    dispositifs: toList(counts.d),
    themes: toList(counts.t),
    audiences: toList(counts.a),
  };
  const byRelevance = order === 'pertinence' && hits !== null;
  const compare = (a: number, b: number): number => {
    if (byRelevance) {
      const d = (scoreOf[b] as number) - (scoreOf[a] as number);
      if (d !== 0) return d;
    }
    const d = (index.dateKeys[b] as number) - (index.dateKeys[a] as number);
    if (d !== 0) return d;
    if (!byRelevance && hits) {
      const r = (scoreOf[b] as number) - (scoreOf[a] as number);
      if (r !== 0) return r;
    }
    return (index.ids[a] as string) < (index.ids[b] as string) ? -1 : 1;
  };
  return {
    total: count,
    slots: topWindow(matched.subarray(0, count), compare, window.offset, window.limit),
    facets,
  };
}

/** The window [offset, offset + limit) of `items` sorted by `compare`, without sorting everything. */
export function topWindow(
  items: ArrayLike<number>,
  compare: (a: number, b: number) => number,
  offset: number,
  limit: number,
): number[] {
  const k = offset + limit;
  if (k >= items.length / 4) return Array.from(items).sort(compare).slice(offset, k);
  // Keep the k best in a max-heap on `compare` (its root is the worst kept item).
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(heap[p] as number, heap[i] as number) >= 0) break;
      [heap[p], heap[i]] = [heap[i] as number, heap[p] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compare(heap[l] as number, heap[m] as number) > 0) m = l;
      if (r < heap.length && compare(heap[r] as number, heap[m] as number) > 0) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i] as number, heap[m] as number];
      i = m;
    }
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as number;
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0] as number) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare).slice(offset, k);
}
