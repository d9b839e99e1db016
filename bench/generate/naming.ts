/**
 * INSEE "type de nom en clair" (typeLiaison in the package): the article of a name and the preposition
 * it takes, e.g. 5 → "de l’Ain", 2 → "du Mans" (the article of "Le Mans" merges into "du").
 */
const LIAISONS: Record<number, { article: RegExp; of: string }> = {
  0: { article: /^$/, of: 'de ' },
  1: { article: /^$/, of: 'd’' },
  2: { article: /^Le /, of: 'du ' },
  3: { article: /^La /, of: 'de la ' },
  4: { article: /^Les /, of: 'des ' },
  5: { article: /^L['’]/, of: 'de l’' },
  6: { article: /^Aux /, of: 'des ' },
  7: { article: /^Las /, of: 'de las ' },
  8: { article: /^Los /, of: 'de los ' },
};

/** "de Lyon", "d’Angers", "du Mans", "des Sables-d’Olonne", "de l’Ain" (guessed without `liaison`). */
export function ofPlace(nom: string, liaison?: number): string {
  const known = liaison === undefined ? undefined : LIAISONS[liaison];
  if (known) return `${known.of}${nom.replace(known.article, '')}`;
  if (/^Le /.test(nom)) return `du ${nom.slice(3)}`;
  if (/^Les /.test(nom)) return `des ${nom.slice(4)}`;
  if (/^La /.test(nom)) return `de la ${nom.slice(3)}`;
  if (/^L['’]/.test(nom)) return `de l’${nom.slice(2)}`;
  if (/^[AEIOUYÉÈÊÎÔÂH]/i.test(nom)) return `d’${nom}`;
  return `de ${nom}`;
}

const EPCI_PREFIX =
  /^(?:Communauté de communes|Communauté d['’]agglomération|Communauté urbaine|CC|CA|CU|Métropole) (du |de la |des |de l['’]|de |d['’])?(.+)$/i;
const PREPOSITIONS: Record<string, string> = { "de l'": 'de l’', "d'": 'd’' };

/**
 * "CC du Pays de Gex" → "Pays de Gex", "du Pays de Gex": the name a CPTS or a CLS would use for its
 * territory, and the same after "de".
 */
export function epciShortName(nom: string): { label: string; of: string } {
  const m = EPCI_PREFIX.exec(nom);
  if (!m?.[2]) return { label: nom, of: ofPlace(nom, 0) };
  const label = m[2].trim();
  const prep = m[1]?.toLowerCase();
  return { label, of: prep ? `${PREPOSITIONS[prep] ?? prep}${label}` : ofPlace(label) };
}

/** Ensures names are unique across the dataset, varying them like real homonymous structures. */
export class NameBook {
  private readonly used = new Set<string>();

  unique(name: string, variants: readonly string[]): string {
    if (this.claim(name)) return name;
    for (const v of variants) if (this.claim(`${name} ${v}`)) return `${name} ${v}`;
    for (let n = 2; ; n++) if (this.claim(`${name} (${n})`)) return `${name} (${n})`;
  }

  private claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }
}

/** Site names distinguishing several structures of one commune. */
export const SITE_NAMES = [
  '– site du Centre',
  '– site Pasteur',
  '– site Jean-Jaurès',
  '– site des Tilleuls',
  '– site de la Gare',
  '– site Victor-Hugo',
  '– site des Capucins',
  '– site du Port',
  '– site Louise-Michel',
  '– site des Acacias',
  '– site Simone-Veil',
  '– site du Marché',
];
