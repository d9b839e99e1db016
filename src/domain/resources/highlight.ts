import { escapeHtml } from '../text/escape-html.ts';
import { foldText } from '../text/normalize.ts';

/** Search result excerpts: HTML-escaped text where the matching words are wrapped in `<mark>`. */

const WORD = /[\p{L}\p{N}]+/gu;
const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

/** foldText for one word, remembered: excerpts fold the same few thousand words again and again. */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    folded = foldText(word);
    foldCache.set(word, folded);
  }
  return folded;
}

/** The folded words of a text, each once: what has to be stemmed to know which ones match. */
export function foldedWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    if (folded) out.add(folded);
  }
  return [...out];
}

export interface Excerpt {
  html: string;
  /** Whether any word is marked. */
  marked: boolean;
}

/**
 * A window of about `maxLength` characters starting a little before the first matching word, cut at
 * word boundaries, with "…" where text was left out. `isMatch` receives each word folded.
 */
export function excerpt(text: string, isMatch: (folded: string) => boolean, maxLength = 240): Excerpt {
  const words = [...text.matchAll(WORD)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    match: isMatch(foldWord(m[0])),
  }));
  const first = words.find((w) => w.match);
  let start = 0;
  if (first && first.end > maxLength * 0.8) {
    const before = words.filter((w) => w.start <= first.start && w.start >= first.start - 60);
    start = before[0]?.start ?? first.start;
  }
  let end = text.length;
  if (end - start > maxLength) {
    const last = words.filter((w) => w.end <= start + maxLength).at(-1);
    end = last && last.end > start ? last.end : start + maxLength;
  }
  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const w of words) {
    if (!w.match || w.start < start || w.end > end) continue;
    html += `${escapeHtml(text.slice(cursor, w.start))}<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`;
    cursor = w.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  if (end < text.length) html += '…';
  return { html: html.trim(), marked: first !== undefined };
}
