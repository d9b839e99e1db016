/**
 * Sorted lists of matching slots with a score and a "matched in the title" flag, and the set
 * operations the query evaluation needs: union (an alternative matches), intersection (every part
 * matches), difference (excluded words).
 */
export interface Hits {
  slots: Int32Array;
  scores: Float64Array;
  title: Uint8Array;
}

export const NO_HITS: Hits = {
  slots: new Int32Array(0),
  scores: new Float64Array(0),
  title: new Uint8Array(0),
};

function allocate(n: number): Hits {
  return { slots: new Int32Array(n), scores: new Float64Array(n), title: new Uint8Array(n) };
}

function shrink(h: Hits, n: number): Hits {
  return n === h.slots.length
    ? h
    : { slots: h.slots.subarray(0, n), scores: h.scores.subarray(0, n), title: h.title.subarray(0, n) };
}

/** Union: best score of the lists where a slot appears, flag if any list has it. */
export function union(lists: Hits[]): Hits {
  const nonEmpty = lists.filter((l) => l.slots.length > 0);
  if (nonEmpty.length === 0) return NO_HITS;
  if (nonEmpty.length === 1) return nonEmpty[0] as Hits;
  let acc = nonEmpty[0] as Hits;
  for (let k = 1; k < nonEmpty.length; k++) acc = union2(acc, nonEmpty[k] as Hits);
  return acc;
}

function union2(a: Hits, b: Hits): Hits {
  const out = allocate(a.slots.length + b.slots.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.slots.length || j < b.slots.length) {
    const sa = i < a.slots.length ? (a.slots[i] as number) : Number.MAX_SAFE_INTEGER;
    const sb = j < b.slots.length ? (b.slots[j] as number) : Number.MAX_SAFE_INTEGER;
    if (sa === sb) {
      out.slots[n] = sa;
      out.scores[n] = Math.max(a.scores[i] as number, b.scores[j] as number);
      out.title[n] = (a.title[i] as number) | (b.title[j] as number);
      i++;
      j++;
    } else if (sa < sb) {
      out.slots[n] = sa;
      out.scores[n] = a.scores[i] as number;
      out.title[n] = a.title[i] as number;
      i++;
    } else {
      out.slots[n] = sb;
      out.scores[n] = b.scores[j] as number;
      out.title[n] = b.title[j] as number;
      j++;
    }
    n++;
  }
  return shrink(out, n);
}

/** Intersection: scores added, flag only if every list has it. */
export function intersect(lists: Hits[]): Hits {
  if (lists.length === 0) return NO_HITS;
  const sorted = [...lists].sort((x, y) => x.slots.length - y.slots.length);
  let acc = sorted[0] as Hits;
  for (let k = 1; k < sorted.length && acc.slots.length > 0; k++) acc = intersect2(acc, sorted[k] as Hits);
  return acc;
}

function intersect2(a: Hits, b: Hits): Hits {
  const out = allocate(Math.min(a.slots.length, b.slots.length));
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.slots.length; i++) {
    const s = a.slots[i] as number;
    while (j < b.slots.length && (b.slots[j] as number) < s) j++;
    if (j >= b.slots.length) break;
    if (b.slots[j] === s) {
      out.slots[n] = s;
      out.scores[n] = (a.scores[i] as number) + (b.scores[j] as number);
      out.title[n] = (a.title[i] as number) & (b.title[j] as number);
      n++;
    }
  }
  return shrink(out, n);
}

/** The slots of `a` absent from `b`. */
export function subtract(a: Hits, b: Hits): Hits {
  if (b.slots.length === 0) return a;
  const out = allocate(a.slots.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.slots.length; i++) {
    const s = a.slots[i] as number;
    while (j < b.slots.length && (b.slots[j] as number) < s) j++;
    if (j < b.slots.length && b.slots[j] === s) continue;
    out.slots[n] = s;
    out.scores[n] = a.scores[i] as number;
    out.title[n] = a.title[i] as number;
    n++;
  }
  return shrink(out, n);
}

/** Every slot from 0 to n − 1 with score 1: the base when a query only excludes. */
export function everything(n: number): Hits {
  const h = allocate(n);
  for (let s = 0; s < n; s++) h.slots[s] = s;
  h.scores.fill(1);
  return h;
}
