import { normalizeForSearch } from '../text/normalize.ts';

/**
 * Words that name the legal form of an EPCI rather than the EPCI itself ("CC du Pays de Forez",
 * "Communauté d'agglomération de…"): a file may write them or not, in full or abbreviated.
 */
const EPCI_FORMS = [
  'communaute d agglomeration',
  'communaute de communes',
  'communaute urbaine',
  'metropole',
  'agglomeration',
  'agglo',
  'ca',
  'cc',
  'cu',
];
const PARTICLES = new Set(['du', 'de', 'des', 'd', 'la', 'le', 'les', 'l']);

/** An EPCI name without its legal form and the particles after it: "cc du forez est" → "forez est". */
export function epciKey(name: string): string {
  let words = normalizeForSearch(name).split(' ');
  for (const form of EPCI_FORMS) {
    const f = form.split(' ');
    if (f.every((w, i) => words[i] === w)) {
      words = words.slice(f.length);
      break;
    }
  }
  while (words.length > 1 && PARTICLES.has(words[0] as string)) words = words.slice(1);
  return words.join(' ');
}

/** Edit distance, given up past `max` (names further apart are no suggestion). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Up to `limit` names close to `typed` (typing errors, a missing word), nearest first: the ones sharing
 * its start, then those within a few edits.
 */
export function closestNames<T>(
  typed: string,
  candidates: readonly T[],
  keyOf: (c: T) => string,
  limit = 3,
): T[] {
  const key = normalizeForSearch(typed);
  if (key.length < 3) return [];
  const max = Math.max(1, Math.floor(key.length / 4));
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    const k = keyOf(c);
    if (k.startsWith(key) || key.startsWith(k))
      scored.push({ c, score: Math.abs(k.length - key.length) / 100 });
    else {
      const d = boundedDistance(key, k, max);
      if (d <= max) scored.push({ c, score: d });
    }
  }
  scored.sort((x, y) => x.score - y.score);
  return scored.slice(0, limit).map((s) => s.c);
}
