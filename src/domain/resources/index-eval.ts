import { everything, type Hits, intersect, NO_HITS, subtract, union } from './hits.ts';
import type { Resolved, ResolvedPlan } from './index-query.ts';
import { type NoticeIndex, unpackPositions } from './notice-index.ts';

/**
 * Relevance: each word scores the weight of the best field it occurs in (title 1, authors and keywords
 * 0.4, abstract 0.2, container and publisher 0.1 — the weights of PostgreSQL's ts_rank), a little more
 * when repeated, times its rarity (idf). Alternatives (an acronym or its expansion) take the best
 * score; a phrase scores 1.5× its best field; words matched only through their beginning score 0.7×.
 * A document whose title holds every part of the query gets a 1.5× boost (applied by the caller).
 */
const WEIGHTS = [0.1, 0.2, 0.4, 1] as const;
const PHRASE_FACTOR = 1.5;
const PREFIX_FACTOR = 0.7;
export const TITLE_BOOST = 1.5;
const TITLE_WEIGHT = 3;

const bestWeight = (bits: number) => 31 - Math.clz32(bits & 15);

class Evaluator {
  constructor(private readonly index: NoticeIndex) {}

  private idf(lexeme: number): number {
    const df = (this.index.postingSlots[lexeme] as number[]).length;
    return Math.log(1 + this.index.liveCount / Math.max(1, df));
  }

  term(r: Resolved): Hits {
    if (r.kind === 'lexemes') return this.lexemes(r.exact, r.others);
    if (r.kind === 'phrase') return this.phrase(r.parts);
    if (r.kind === 'nothing') return NO_HITS;
    return intersect(r.terms.map((t) => this.term(t)));
  }

  clause(alternatives: Resolved[]): Hits {
    return union(alternatives.map((a) => this.term(a)));
  }

  /** One lexeme's posting list as scored hits (shared: callers never write into hits). */
  private single(id: number, factor: number): Hits {
    return this.index.memo(`w${id}:${factor}`, [id], () => {
      const slots = this.index.postingSlots[id] as number[];
      const info = this.index.postingInfo[id] as number[];
      const idf = this.idf(id) * factor;
      const out: Hits = {
        slots: Int32Array.from(slots),
        scores: new Float64Array(slots.length),
        title: new Uint8Array(slots.length),
      };
      for (let k = 0; k < slots.length; k++) {
        const bits = info[k] as number;
        out.scores[k] = (WEIGHTS[bestWeight(bits) as 0] as number) * (1 + 0.3 * Math.log(bits >> 4)) * idf;
        out.title[k] = (bits >> TITLE_WEIGHT) & 1;
      }
      return out;
    });
  }

  private lexemes(exact: number | null, others: number[]): Hits {
    const parts = [
      ...(exact === null ? [] : [this.single(exact, 1)]),
      ...others.map((id) => this.single(id, PREFIX_FACTOR)),
    ];
    if (parts.length === 1) return parts[0] as Hits;
    // Several lexemes (a word being typed): best score per slot, gathered on the slot range.
    const n = this.index.slotCount;
    const { scores, flags } = this.index.scratch();
    scores.fill(0, 0, n);
    flags.fill(0, 0, n);
    for (const p of parts) {
      for (let k = 0; k < p.slots.length; k++) {
        const s = p.slots[k] as number;
        if ((p.scores[k] as number) > (scores[s] as number)) scores[s] = p.scores[k] as number;
        flags[s] = (flags[s] as number) | (p.title[k] as number);
      }
    }
    let count = 0;
    for (let s = 0; s < n; s++) if ((scores[s] as number) > 0) count++;
    const out: Hits = {
      slots: new Int32Array(count),
      scores: new Float64Array(count),
      title: new Uint8Array(count),
    };
    let k = 0;
    for (let s = 0; s < n; s++) {
      if ((scores[s] as number) <= 0) continue;
      out.slots[k] = s;
      out.scores[k] = scores[s] as number;
      out.title[k] = flags[s] as number;
      k++;
    }
    return out;
  }

  /**
   * Documents holding every word of the phrase, checked in their position stream at the places where
   * the rarest word occurs.
   */
  private phrase(parts: { id: number; offset: number }[]): Hits {
    const key = `p${parts.map((p) => `${p.id}@${p.offset}`).join(' ')}`;
    return this.index.memo(
      key,
      parts.map((p) => p.id),
      () => this.findPhrase(parts),
    );
  }

  private findPhrase(parts: { id: number; offset: number }[]): Hits {
    const index = this.index;
    const anchor = parts.reduce((a, b) =>
      (index.postingSlots[b.id] as number[]).length < (index.postingSlots[a.id] as number[]).length ? b : a,
    );
    const others = parts.filter((p) => p !== anchor);
    const cursors = others.map(() => 0);
    const anchorSlots = index.postingSlots[anchor.id] as number[];
    const anchorPositions = index.postingPositions[anchor.id] as number[];
    const idf = Math.max(...parts.map((p) => this.idf(p.id)));
    const span = Math.max(...parts.map((p) => p.offset));
    const out: Hits = {
      slots: new Int32Array(anchorSlots.length),
      scores: new Float64Array(anchorSlots.length),
      title: new Uint8Array(anchorSlots.length),
    };
    const starts: number[] = [];
    const positions: number[] = [];
    let n = 0;
    for (let k = 0; k < anchorSlots.length; k++) {
      const s = anchorSlots[k] as number;
      // The document must hold every other word: advance each sorted posting list to `s`.
      let all = true;
      for (let o = 0; o < others.length && all; o++) {
        const list = index.postingSlots[(others[o] as { id: number }).id] as number[];
        let c = cursors[o] as number;
        while (c < list.length && (list[c] as number) < s) c++;
        cursors[o] = c;
        all = list[c] === s;
      }
      if (!all) continue;
      const stream = index.streams[s] as Int32Array;
      starts.length = 0;
      const packed = anchorPositions[k] as number;
      if (packed > 0) for (const p of unpackPositions(packed, positions)) starts.push(p - 1 - anchor.offset);
      else
        for (let p = 0; p < stream.length; p++)
          if ((stream[p] as number) >> 2 === anchor.id) starts.push(p - anchor.offset);
      let best = -1;
      for (const start of starts) {
        if (start < 0 || start + span >= stream.length) continue;
        let ok = true;
        for (let q = 0; q < parts.length && ok; q++) {
          const part = parts[q] as { id: number; offset: number };
          ok = (stream[start + part.offset] as number) >> 2 === part.id;
        }
        if (ok) best = Math.max(best, (stream[start] as number) & 3);
      }
      if (best < 0) continue;
      out.slots[n] = s;
      out.scores[n] = PHRASE_FACTOR * (WEIGHTS[best as 0] as number) * idf;
      out.title[n] = best === TITLE_WEIGHT ? 1 : 0;
      n++;
    }
    return {
      slots: out.slots.subarray(0, n),
      scores: out.scores.subarray(0, n),
      title: out.title.subarray(0, n),
    };
  }
}

/** Matching slots with their relevance; null when the query has no words (every slot matches). */
export function matches(index: NoticeIndex, plan: ResolvedPlan): Hits | null {
  if (plan.onlyStopWords) return NO_HITS;
  if (plan.must.length === 0 && plan.not.length === 0) return null;
  const ev = new Evaluator(index);
  let hits =
    plan.must.length > 0 ? intersect(plan.must.map((c) => ev.clause(c))) : everything(index.slotCount);
  for (const clause of plan.not) hits = subtract(hits, ev.clause(clause));
  return hits;
}
