import { readTsvector } from './tsvector.ts';
import { AUDIENCES, NOTICE_DISPOSITIFS, NOTICE_TYPES, THEMES } from './vocabulary.ts';

/** What the search index keeps of a notice: its stemmed words (from the database) and its facets. */
export interface IndexedNotice {
  id: string;
  /** Write counter value of the notice's last change, to apply changes in order. */
  generation: number;
  type: string;
  annee: number | null;
  /** Publication date as entered: AAAA, AAAA-MM or AAAA-MM-JJ. */
  date: string | null;
  dispositifs: readonly string[];
  themes: readonly string[];
  publics: readonly string[];
  dynamiques: readonly string[];
  /** `type:code` of each linked territory. */
  territoires: readonly string[];
  /** The `recherche` tsvector in PostgreSQL's text form. */
  tsvector: string;
}

const NO_WORD = -1;

const indexer = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
export const TYPE_INDEX = indexer(NOTICE_TYPES);
export const DISPOSITIF_BIT = indexer(NOTICE_DISPOSITIFS);
export const THEME_BIT = indexer(THEMES);
export const AUDIENCE_BIT = indexer(AUDIENCES);

export function maskOf(values: readonly string[], bits: Map<string, number>): number {
  let mask = 0;
  for (const v of values) {
    const b = bits.get(v);
    if (b !== undefined) mask |= 1 << b;
  }
  return mask;
}

/** AAAA-MM-JJ as a number that sorts like the date; missing month or day count as 0, no date as -1. */
export function dateKey(date: string | null): number {
  if (!date) return -1;
  const [y, m, d] = date.split('-').map(Number);
  return (y ?? 0) * 10_000 + (m ?? 0) * 100 + (d ?? 0);
}

const POSITION_BITS = 2 ** 14;
const PACKED = 3;

/**
 * Up to three word positions (each below 16384, as in a tsvector) in one number, so that a phrase is
 * checked at the few places its rarest word occurs; 0 when there are more (the stream is scanned).
 */
export function packPositions(positions: readonly number[]): number {
  if (positions.length > PACKED) return 0;
  let packed = 0;
  for (let i = positions.length - 1; i >= 0; i--) packed = packed * POSITION_BITS + (positions[i] as number);
  return packed;
}

export function unpackPositions(packed: number, out: number[]): number[] {
  out.length = 0;
  let rest = packed;
  while (rest > 0) {
    out.push(rest % POSITION_BITS);
    rest = Math.floor(rest / POSITION_BITS);
  }
  return out;
}

/**
 * In-memory inverted index of the notices. Each notice occupies a slot; a change kills the old slot and
 * appends a new one, so posting lists stay sorted by slot without rewriting them. Dead slots are skipped
 * and the whole index is rebuilt once they become too many.
 */
export class NoticeIndex {
  readonly ids: string[] = [];
  readonly generations: number[] = [];
  readonly alive: number[] = [];
  readonly types: number[] = [];
  readonly years: number[] = [];
  readonly dateKeys: number[] = [];
  readonly dispositifMasks: number[] = [];
  readonly themeMasks: number[] = [];
  readonly audienceMasks: number[] = [];
  /** `d:<dynamique>` and `t:<type>:<code>` keys of the notice's links. */
  readonly links: (readonly string[])[] = [];
  /** Lexeme id × 4 + weight code at each word position (−1 where a stop word stood). */
  readonly streams: Int32Array[] = [];

  readonly lexemeIds = new Map<string, number>();
  readonly lexemes: string[] = [];
  /** Per lexeme: the slots containing it, and for each one (occurrences << 4 | weight bits A8 B4 C2 D1). */
  readonly postingSlots: number[][] = [];
  readonly postingInfo: number[][] = [];
  /** Per lexeme and slot: its first positions, packed (see packPositions). */
  readonly postingPositions: number[][] = [];

  private readonly slotById = new Map<string, number>();
  /** Slots by link key, dead ones included (a rebuild drops them): profiles list a territory's notices. */
  private readonly slotsByLink = new Map<string, number[]>();
  /** Scratch buffers reused by every search: a fresh 400 kB array per search keeps the GC busy. */
  private buffers: { scores: Float64Array; slots: Int32Array; flags: Uint8Array } | null = null;
  /** Scored posting lists and phrases of recent searches, valid while their lexemes do not change. */
  private readonly scored = new Map<string, { stamp: string; value: unknown }>();
  private sortedLexemes: string[] | null = null;
  private dead = 0;

  get liveCount(): number {
    return this.slotById.size;
  }

  get slotCount(): number {
    return this.ids.length;
  }

  /** Rebuilding from scratch is cheaper than carrying this many dead slots. */
  get needsRebuild(): boolean {
    return this.dead > 1000 && this.dead > this.ids.length * 0.3;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Generation of the indexed version of a notice (−1 when absent). */
  generationOf(id: string): number {
    const slot = this.slotById.get(id);
    return slot === undefined ? -1 : (this.generations[slot] as number);
  }

  /** Adds or replaces a notice; an older generation than the one indexed is ignored. */
  upsert(n: IndexedNotice): void {
    const current = this.slotById.get(n.id);
    if (current !== undefined) {
      if ((this.generations[current] as number) >= n.generation) return;
      this.kill(current);
    }
    const slot = this.ids.length;
    this.slotById.set(n.id, slot);
    this.ids.push(n.id);
    this.generations.push(n.generation);
    this.alive.push(1);
    this.types.push(TYPE_INDEX.get(n.type) ?? -1);
    this.years.push(n.annee ?? -1);
    this.dateKeys.push(dateKey(n.date));
    this.dispositifMasks.push(maskOf(n.dispositifs, DISPOSITIF_BIT));
    this.themeMasks.push(maskOf(n.themes, THEME_BIT));
    this.audienceMasks.push(maskOf(n.publics, AUDIENCE_BIT));
    const links = [...n.dynamiques.map((d) => `d:${d}`), ...n.territoires.map((t) => `t:${t}`)];
    this.links.push(links);
    for (const key of links) {
      const slots = this.slotsByLink.get(key);
      if (slots) slots.push(slot);
      else this.slotsByLink.set(key, [slot]);
    }
    this.streams.push(this.addWords(slot, n.tsvector));
  }

  /** Live slots of the notices linked to `key` (`d:<dynamique>` or `t:<type>:<code>`). */
  slotsLinkedTo(key: string): number[] {
    return (this.slotsByLink.get(key) ?? []).filter((slot) => this.alive[slot] === 1);
  }

  /** Removes a notice deleted at `generation` unless a later version is indexed. */
  remove(id: string, generation: number): void {
    const slot = this.slotById.get(id);
    if (slot !== undefined && (this.generations[slot] as number) < generation) this.kill(slot);
  }

  private kill(slot: number) {
    this.alive[slot] = 0;
    this.slotById.delete(this.ids[slot] as string);
    this.dead++;
  }

  // Reused by addWords: one entry per (lexeme, position) of the notice being added.
  private readonly wordIds: number[] = [];
  private readonly wordPositions: number[] = [];
  private readonly wordWeights: number[] = [];

  private addWords(slot: number, tsvector: string): Int32Array {
    const ids = this.wordIds;
    const positions = this.wordPositions;
    const weights = this.wordWeights;
    ids.length = 0;
    positions.length = 0;
    weights.length = 0;
    let length = 0;
    let lastLexeme: string | null = null;
    let lastId = -1;
    readTsvector(tsvector, (lexeme, position, weight) => {
      if (lexeme !== lastLexeme) {
        lastId = this.lexemeId(lexeme);
        lastLexeme = lexeme;
      }
      ids.push(lastId);
      positions.push(position);
      weights.push(weight);
      if (position > length) length = position;
    });
    const stream = new Int32Array(length).fill(NO_WORD);
    // The positions of one lexeme are consecutive: one posting per run.
    for (let k = 0; k < ids.length; ) {
      const id = ids[k] as number;
      let bits = 0;
      let count = 0;
      let packed = 0;
      let scale = 1;
      for (; k < ids.length && ids[k] === id; k++) {
        const p = positions[k] as number;
        const w = weights[k] as number;
        bits |= 1 << w;
        if (p === 0) continue;
        stream[p - 1] = id * 4 + w;
        count++;
        if (count <= PACKED) {
          packed += p * scale;
          scale *= POSITION_BITS;
        }
      }
      (this.postingSlots[id] as number[]).push(slot);
      (this.postingInfo[id] as number[]).push((Math.min(15, Math.max(1, count)) << 4) | (bits || 1));
      (this.postingPositions[id] as number[]).push(count > PACKED ? 0 : packed);
    }
    return stream;
  }

  private lexemeId(lexeme: string): number {
    let id = this.lexemeIds.get(lexeme);
    if (id === undefined) {
      id = this.lexemes.length;
      this.lexemeIds.set(lexeme, id);
      this.lexemes.push(lexeme);
      this.postingSlots.push([]);
      this.postingInfo.push([]);
      this.postingPositions.push([]);
      this.sortedLexemes = null;
    }
    return id;
  }

  /** Buffers of at least `slotCount` entries; their content is whatever the last search left. */
  scratch(): { scores: Float64Array; slots: Int32Array; flags: Uint8Array } {
    const n = this.ids.length;
    if (!this.buffers || this.buffers.slots.length < n) {
      const size = Math.ceil(n * 1.25) + 1024;
      this.buffers = {
        scores: new Float64Array(size),
        slots: new Int32Array(size),
        flags: new Uint8Array(size),
      };
    }
    return this.buffers;
  }

  /**
   * `compute()` remembered under `key` while the posting lists of `lexemes` and the number of notices
   * stay the same: what a search derives from posting lists is reused by the next searches.
   */
  memo<T>(key: string, lexemes: readonly number[], compute: () => T): T {
    const stamp = `${lexemes.map((l) => (this.postingSlots[l] as number[]).length).join(',')}:${this.liveCount}`;
    const hit = this.scored.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    // A few dozen lists of up to one entry per notice: tens of megabytes at most on 50,000 notices.
    if (this.scored.size >= 64) this.scored.clear();
    const value = compute();
    this.scored.set(key, { stamp, value });
    return value;
  }

  /** Ids of the lexemes starting with `prefix`, by binary search in the sorted lexicon. */
  lexemesWithPrefix(prefix: string): number[] {
    this.sortedLexemes ??= [...this.lexemes].sort();
    const sorted = this.sortedLexemes;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) {
      out.push(this.lexemeIds.get(sorted[i] as string) as number);
    }
    return out;
  }
}
