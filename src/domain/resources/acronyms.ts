import { foldText } from '../text/normalize.ts';

/**
 * Acronyms of the field and their expanded forms. Search expands a query word that is an acronym into
 * (acronym OR expanded form), and an expanded form typed in full into (form OR acronym), so that "CPTS"
 * and "communauté professionnelle territoriale de santé" find the same documents.
 */
export interface Acronym {
  sigle: string;
  formes: readonly string[];
}

export const ACRONYMS: readonly Acronym[] = [
  { sigle: 'ACI', formes: ['accord conventionnel interprofessionnel'] },
  { sigle: 'ARS', formes: ['agence régionale de santé'] },
  { sigle: 'ASV', formes: ['atelier santé ville'] },
  { sigle: 'CCAS', formes: ['centre communal d’action sociale'] },
  { sigle: 'CDS', formes: ['centre de santé'] },
  { sigle: 'CLS', formes: ['contrat local de santé'] },
  { sigle: 'CLSM', formes: ['conseil local de santé mentale'] },
  { sigle: 'CMP', formes: ['centre médico-psychologique'] },
  { sigle: 'CPTS', formes: ['communauté professionnelle territoriale de santé'] },
  { sigle: 'CTS', formes: ['conseil territorial de santé'] },
  { sigle: 'DAC', formes: ['dispositif d’appui à la coordination'] },
  { sigle: 'DTS', formes: ['dynamique territoriale de santé'] },
  { sigle: 'EIS', formes: ['évaluation d’impact sur la santé'] },
  { sigle: 'ESP', formes: ['équipe de soins primaires'] },
  { sigle: 'ESS', formes: ['économie sociale et solidaire'] },
  { sigle: 'GHT', formes: ['groupement hospitalier de territoire'] },
  { sigle: 'ISS', formes: ['inégalités sociales de santé'] },
  { sigle: 'ISTS', formes: ['inégalités sociales et territoriales de santé'] },
  { sigle: 'MSP', formes: ['maison de santé pluriprofessionnelle', 'maison de santé pluridisciplinaire'] },
  { sigle: 'PLSP', formes: ['plan local de santé publique'] },
  { sigle: 'PMI', formes: ['protection maternelle et infantile'] },
  { sigle: 'PRAPS', formes: ['programme régional d’accès à la prévention et aux soins'] },
  { sigle: 'PRS', formes: ['projet régional de santé'] },
  { sigle: 'PTA', formes: ['plateforme territoriale d’appui'] },
  { sigle: 'PTSM', formes: ['projet territorial de santé mentale'] },
  { sigle: 'QPV', formes: ['quartier prioritaire de la politique de la ville', 'quartier prioritaire'] },
  { sigle: 'URPS', formes: ['union régionale des professionnels de santé'] },
];

/** Words skipped when comparing a query with an expanded form ("de", "la", "l’"…). */
const GLUE = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'sur']);

/** A folded word compared without its plural mark: "territoriales" = "territoriale". */
function comparable(token: string): string {
  return token.length > 3 && /[sx]$/.test(token) ? token.slice(0, -1) : token;
}

/** The significant words of a text, folded and compared without plural marks. */
export function significantWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((t) => t !== '' && !GLUE.has(t))
    .map(comparable);
}

const BY_SIGLE = new Map(ACRONYMS.map((a) => [a.sigle.toLowerCase(), a]));

const FORMS = ACRONYMS.flatMap((a) =>
  a.formes.map((forme) => ({ acronym: a, words: significantWords(forme) })),
)
  // Longest forms first: "quartier prioritaire de la politique de la ville" before "quartier prioritaire".
  .sort((x, y) => y.words.length - x.words.length);

/** The acronym a word stands for ("cpts", "CPTS"), if any. */
export function acronymOf(word: string): Acronym | null {
  return BY_SIGLE.get(foldText(word)) ?? null;
}

export interface FormMatch {
  acronym: Acronym;
  /** Index of the first and one past the last significant word of the match. */
  start: number;
  end: number;
}

/** Expanded forms found in a list of significant words, longest first, without overlaps. */
export function findForms(words: readonly string[]): FormMatch[] {
  const taken = new Array<boolean>(words.length).fill(false);
  const found: FormMatch[] = [];
  for (const form of FORMS) {
    const n = form.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      if (form.words.every((w, k) => words[i + k] === w)) {
        found.push({ acronym: form.acronym, start: i, end: i + n });
        taken.fill(true, i, i + n);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
