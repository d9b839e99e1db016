import { francAll } from 'franc-min';

/**
 * Languages a French resource centre meets in its notices, ISO 639-3 (franc) → the ISO 639-1 codes the
 * notices use. Restricting franc to them avoids rare languages winning on a handful of trigrams.
 */
const NOTICE_LANGUAGES: Record<string, string> = {
  fra: 'fr',
  eng: 'en',
  spa: 'es',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
};
const CANDIDATES = Object.keys(NOTICE_LANGUAGES);

/** Below this many distinct words the trigrams say too little (« Santé mentale locale » is one short). */
export const MIN_WORDS = 4;
/**
 * franc scores the best language 1 and the others relative to it; a runner-up this close means the
 * text could be either, and a wrong language is worse than none.
 */
export const MAX_RUNNER_UP = 0.85;

/**
 * Acronyms (CPTS, URPS), numbers and addresses carry no language and mislead trigrams: left out.
 * Words are sequences of letters, apostrophes inside kept (« l'exercice »).
 */
function languageWords(text: string): string[] {
  return (text.replace(/https?:\/\/\S+/g, ' ').match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).filter(
    (w) => w.length > 1 && w !== w.toUpperCase(),
  );
}

/**
 * The language of a notice from its title and abstract, or null when the text is too short or no
 * language clearly wins: a notice's language is never assumed.
 */
export function detectLanguage(...texts: (string | null | undefined)[]): string | null {
  const words = languageWords(texts.filter(Boolean).join(' \n '));
  // Distinct words: a place name said twice (« Occitanie – URPS Occitanie ») is no more evidence.
  if (new Set(words.map((w) => w.toLowerCase())).size < MIN_WORDS) return null;
  const ranked = francAll(words.join(' '), { only: CANDIDATES, minLength: 1 });
  const [best, runnerUp] = ranked;
  if (!best || best[0] === 'und') return null;
  if (runnerUp && runnerUp[1] > MAX_RUNNER_UP) return null;
  return NOTICE_LANGUAGES[best[0]] ?? null;
}

/** The notice with the detected language when it states none (what it states is always kept). */
export function withDetectedLanguage<
  T extends { langue?: string | null; titre: string; resume?: string | null },
>(notice: T): T {
  if (notice.langue) return notice;
  const langue = detectLanguage(notice.titre, notice.resume);
  return langue ? { ...notice, langue } : notice;
}
