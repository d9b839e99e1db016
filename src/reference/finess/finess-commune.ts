/**
 * FINESS codes a commune by its département (2 characters) and a 3-character commune number. Overseas
 * départements have their own letters (9A Guadeloupe … 9F Mayotte) and the commune number carries the
 * territory's digit: 9A + 101 is INSEE 97101. Corsica keeps 2A/2B: 2A + 004 is INSEE 2A004.
 */
const OVERSEAS: Record<string, string> = {
  '9A': '1',
  '9B': '2',
  '9C': '3',
  '9D': '4',
  '9E': '5',
  '9F': '6',
};

export type InseeResult = { code: string } | { error: string };

export function finessCommuneToInsee(departement: string, commune: string): InseeResult {
  const dep = departement.trim().toUpperCase();
  const com = commune.trim().padStart(3, '0');
  if (!/^\d{3}$/.test(com))
    return { error: `numéro de commune FINESS attendu sur 3 chiffres : « ${commune} »` };
  const digit = OVERSEAS[dep];
  if (digit) {
    if (com[0] !== digit) {
      return { error: `la commune ${com} n’appartient pas au département FINESS ${dep} (97${digit})` };
    }
    return { code: `97${com}` };
  }
  if (/^(\d{2}|2[AB])$/.test(dep) && dep !== '20') return { code: `${dep}${com}` };
  return { error: `département FINESS inconnu : « ${departement} »` };
}

/** Overseas territory of a FINESS département, or null for metropolitan France (Lambert 93). */
export function isOverseas(departement: string): boolean {
  return departement.trim().toUpperCase() in OVERSEAS;
}
