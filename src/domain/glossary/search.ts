import { foldText } from '../text/normalize.ts';

export interface SearchableTerm {
  sigle: string | null;
  forme: string;
  variantes: readonly string[];
  definition: string;
}

/**
 * Glossary search, without regard to accents or case: every word of the query must begin a word of the
 * acronym, the expanded form (or a variant) or the definition. The acronym itself comes first, then the
 * entries whose acronym or form holds the whole query, then those found in the definition only.
 */
export function searchGlossary<T extends SearchableTerm>(entries: readonly T[], q: string | undefined): T[] {
  const query = foldText(q ?? '');
  const byForm = (a: T, b: T) => a.forme.localeCompare(b.forme, 'fr');
  if (query === '') return [...entries].sort(byForm);
  const tokens = query.split(' ');
  const scored: { entry: T; score: number }[] = [];
  for (const entry of entries) {
    const sigle = foldText(entry.sigle ?? '');
    const name = words([entry.sigle ?? '', entry.forme, ...entry.variantes].join(' '));
    const all = new Set([...name, ...words(entry.definition)]);
    const hasPrefix = (set: Iterable<string>, t: string) => [...set].some((w) => w.startsWith(t));
    if (!tokens.every((t) => hasPrefix(all, t))) continue;
    const score = sigle !== '' && sigle === query ? 3 : tokens.every((t) => hasPrefix(name, t)) ? 2 : 1;
    scored.push({ entry, score });
  }
  return scored.sort((a, b) => b.score - a.score || byForm(a.entry, b.entry)).map((s) => s.entry);
}

function words(text: string): Set<string> {
  const folded = foldText(text);
  return new Set(folded === '' ? [] : folded.split(' '));
}
