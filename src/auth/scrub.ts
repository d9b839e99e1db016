/**
 * Every string of a JSON value with each of `needles` (an e-mail, a name) replaced by `pseudonym`,
 * whatever its case; keys and structure are kept.
 */
export function replaceEverywhere(value: unknown, needles: string[], pseudonym: string): unknown {
  const usable = needles.filter((n) => n.trim().length >= 3);
  if (usable.length === 0) return value;
  const pattern = new RegExp(usable.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, pseudonym);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}
