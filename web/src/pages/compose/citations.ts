/**
 * Citations while composing: the stored text cites notices by `[[id]]` (or `[[id1, id2]]`), but the
 * composer shows each as its short reference, `[[Bilan national des CLS, 2022]]`, and turns what is
 * typed back into identifiers. Pure functions, tested on their own.
 */

export interface CitableNotice {
  titre: string;
  date: string | null;
}

const MARKER = /\[\[([^[\]]+)\]\]/g;
const SEPARATOR = ' ; ';

/** « Bilan national des CLS, 2022 »: the title up to its subtitle, five words at most, and the year. */
export function shortReference(n: CitableNotice): string {
  const main = n.titre.split(/\s[:.–—]\s|[:.]\s/)[0] ?? n.titre;
  const words = main
    .replace(/[[\];]/g, ' ')
    .trim()
    .split(/\s+/);
  const title = words.length > 5 ? `${words.slice(0, 5).join(' ')}…` : words.join(' ');
  return n.date ? `${title}, ${n.date.slice(0, 4)}` : title;
}

/** id → short reference, made unique by « (2) », « (3) »… in the order of the ids. */
export function citationNames(notices: ReadonlyMap<string, CitableNotice>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, n] of notices) {
    const base = shortReference(n);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    taken.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

/** The stored text as shown: a marker whose every id is known shows the short references. */
export function showCitations(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(MARKER, (whole, inner: string) => {
    const ids = inner.split(',').map((s) => s.trim());
    if (!ids.every((id) => names.has(id))) return whole;
    return `[[${ids.map((id) => names.get(id)).join(SEPARATOR)}]]`;
  });
}

/** What is typed, stored: a marker whose every part is a short reference (or an id) cites their ids. */
export function storeCitations(text: string, names: ReadonlyMap<string, string>): string {
  const byName = new Map([...names].map(([id, name]) => [name.toLowerCase(), id]));
  return text.replace(MARKER, (whole, inner: string) => {
    const parts = inner.split(';').map((s) => s.trim());
    const ids = parts.map((p) => byName.get(p.toLowerCase()) ?? (names.has(p) ? p : undefined));
    if (ids.some((id) => id === undefined)) return whole;
    return `[[${ids.join(', ')}]]`;
  });
}
