import { francAll } from 'franc-min';

/** Languages a notice is told apart in (ISO 639-3 as the detector names them → the notices' ISO 639-1). */
const CANDIDATES: Record<string, string> = {
  fra: 'fr',
  eng: 'en',
  spa: 'es',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
};

/** Below this many letters, a title alone says too little: the language stays unknown. */
const MIN_LETTERS = 30;
/** The runner-up must trail clearly, or the text is left undecided rather than guessed. */
const MAX_RUNNER_UP = 0.9;

/**
 * The language of a notice from its title and abstract, by the trigram statistics of `franc-min`, among
 * the languages the field's literature is written in; null when the text is short or ambiguous — a
 * notice's language is never assumed.
 */
export function detectLanguage(titre: string, resume?: string | null): string | null {
  const text = `${titre}. ${resume ?? ''}`.trim();
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return null;
  const ranked = francAll(text, { only: Object.keys(CANDIDATES), minLength: MIN_LETTERS });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  if (second && second[1] > MAX_RUNNER_UP) return null;
  return CANDIDATES[best[0]] ?? null;
}
