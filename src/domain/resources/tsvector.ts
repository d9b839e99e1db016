/**
 * Reads PostgreSQL's text form of a tsvector (`'lexeme':1A,5 'autre':3B`), the way the stemmed words,
 * their positions and weights reach the in-memory search index. Written for speed: the index reads
 * tens of thousands of them at start-up.
 */
export type Weight = 'A' | 'B' | 'C' | 'D';

export interface LexemeEntry {
  lexeme: string;
  positions: number[];
  weights: Weight[];
}

// A quoted lexeme ('' stands for a quote, \x for x), then optionally ':' and positions like 3A,7.
const ENTRY = /'((?:[^'\\]|''|\\.)*)'(?::([0-9ABCD,]+))?/g;
const COMMA = 44;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** Weight codes as the index stores them: D 0, C 1, B 2, A 3. */
const WEIGHT_CODES: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/**
 * Calls `visit` for each position of each lexeme, in the order of the text, without building objects:
 * the index reads 50,000 tsvectors at start-up and keeping millions of small objects alive costs more
 * than reading them.
 */
export function readTsvector(
  text: string,
  visit: (lexeme: string, position: number, weight: number) => void,
) {
  for (const m of text.matchAll(ENTRY)) {
    const raw = m[1] as string;
    const lexeme =
      raw.includes("'") || raw.includes('\\') ? raw.replace(/''|\\(.)/g, (_x, c) => c ?? "'") : raw;
    const list = m[2];
    if (!list) {
      visit(lexeme, 0, 0);
      continue;
    }
    let value = 0;
    let inNumber = false;
    for (let i = 0; i < list.length; i++) {
      const c = list.charCodeAt(i);
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        value = value * 10 + (c - DIGIT_0);
        inNumber = true;
      } else if (c === COMMA) {
        // A position without a weight letter has weight D.
        if (inNumber) visit(lexeme, value, 0);
        value = 0;
        inNumber = false;
      } else {
        visit(lexeme, value, WEIGHT_CODES[list[i] as string] ?? 0);
        value = 0;
        inNumber = false;
      }
    }
    if (inNumber) visit(lexeme, value, 0);
  }
}

const WEIGHT_LETTERS: Weight[] = ['D', 'C', 'B', 'A'];

/** The lexemes of a tsvector with their positions and weights (0 positions: stripped tsvector). */
export function parseTsvector(text: string): LexemeEntry[] {
  const out: LexemeEntry[] = [];
  readTsvector(text, (lexeme, position, weight) => {
    let entry = out.at(-1);
    if (!entry || entry.lexeme !== lexeme) {
      entry = { lexeme, positions: [], weights: [] };
      out.push(entry);
    }
    if (position > 0) {
      entry.positions.push(position);
      entry.weights.push(WEIGHT_LETTERS[weight] as Weight);
    }
  });
  return out;
}
