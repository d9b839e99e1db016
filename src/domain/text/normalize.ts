/**
 * Normalisation shared by every search over French names: accents, case, hyphens, apostrophes and
 * the usual abbreviations ("St-Étienne" = "Saint-Étienne") must not matter.
 */
const ABBREVIATIONS: Record<string, string> = {
  saint: 'st',
  sainte: 'ste',
  saints: 'sts',
  saintes: 'stes',
};

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldText(input: string): string {
  return input
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folded tokens with abbreviations applied; stop-words are kept because names like "Le Mans" need them. */
export function searchTokens(input: string): string[] {
  const folded = foldText(input);
  if (folded === '') return [];
  return folded.split(' ').map((t) => ABBREVIATIONS[t] ?? t);
}

export function normalizeForSearch(input: string): string {
  return searchTokens(input).join(' ');
}
