/**
 * A BibTeX or BibLaTeX file cut into entries of raw field values (TeX left in), each with its line.
 * `@string` macros are expanded (with `#` concatenation and the month names), `@preamble` and
 * `@comment` are skipped, text between entries is a comment as for BibTeX itself. Tolerant of what
 * loses nothing (a missing comma between two fields, spaces, parentheses instead of braces); a real
 * problem (a brace never closed, an undefined @string, a field without a value) is reported with its
 * line, the scan going on at the next entry.
 */

export interface BibEntry {
  type: string;
  key: string;
  line: number;
  fields: Map<string, { value: string; line: number }>;
}

export interface BibProblem {
  line: number;
  message: string;
  /** The entry it belongs to, if any (the entry is then unusable). */
  entryLine?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAME = /[^\s"#%'(),={}@]+/y;
const ENTRY_START = /\n[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/y;

class Problem extends Error {
  constructor(
    readonly at: number,
    message: string,
    /** Where to go on, when not at the next line starting an entry. */
    readonly resume?: number,
  ) {
    super(message);
  }
}

export function scanBibtex(text: string): { entries: BibEntry[]; problems: BibProblem[] } {
  const src = text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const macros = new Map<string, string>(MONTHS.map((m, i) => [m, String(i + 1)]));
  const entries: BibEntry[] = [];
  const problems: BibProblem[] = [];
  let pos = 0;

  const skipSpace = () => {
    while (pos < src.length && /\s/.test(src[pos] as string)) pos++;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return '';
    pos = NAME.lastIndex;
    return m[0];
  };
  /** Index of the next line that starts an entry, where a broken value must stop. */
  const nextEntryStart = (from: number) => {
    for (let i = src.indexOf('\n', from); i >= 0; i = src.indexOf('\n', i + 1)) {
      ENTRY_START.lastIndex = i;
      if (ENTRY_START.test(src)) return i;
    }
    return src.length;
  };
  /** `{…}` with nested braces, or `"…"` (braces inside protect quotes): the text inside. */
  const delimited = (): string => {
    const open = src[pos] as string;
    const start = pos;
    const limit = nextEntryStart(pos);
    let depth = 0;
    for (let i = pos + 1; i < limit; i++) {
      // As in BibTeX, every brace counts, even after a backslash.
      const c = src[i];
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && open === '{') {
          pos = i + 1;
          return src.slice(start + 1, i);
        }
        depth--;
        if (depth < 0) throw new Problem(i, 'accolade fermante en trop dans la valeur');
      } else if (c === '"' && open === '"' && depth === 0) {
        pos = i + 1;
        return src.slice(start + 1, i);
      }
    }
    throw new Problem(start, open === '{' ? 'accolade ouvrante jamais refermée' : 'guillemet jamais refermé');
  };
  /** value = part (# part)*, parts being {…}, "…", numbers or @string names. */
  const value = (field: string): string => {
    const parts: string[] = [];
    for (;;) {
      skipSpace();
      const c = src[pos];
      if (c === '{' || c === '"') parts.push(delimited());
      else {
        const at = pos;
        const word = name();
        if (!word) throw new Problem(at, `valeur manquante pour le champ « ${field} »`);
        if (/^\d+$/.test(word)) parts.push(word);
        else {
          const expanded = macros.get(word.toLowerCase());
          if (expanded === undefined) {
            throw new Problem(at, `« ${word} » n’est pas défini par un @string (valeur entre accolades ?)`);
          }
          parts.push(expanded);
        }
      }
      skipSpace();
      if (src[pos] !== '#') return parts.join('');
      pos++;
    }
  };

  /**
   * An entry that runs into the next one: most often a value whose closing brace is missing, which
   * then swallows the fields after it. That value is named when it can be found.
   */
  const neverClosed = (e: BibEntry, start: number) => {
    const resume = pos;
    for (const [field, f] of e.fields) {
      if (/\n\s*[A-Za-z]+\s*=\s*[{"\d]/.test(f.value)) {
        const message = `champ « ${field} » : accolade jamais refermée (la valeur englobe les champs suivants)`;
        return new Problem(lineStarts[f.line - 1] as number, message, resume);
      }
    }
    return new Problem(start, 'notice jamais refermée : accolade finale manquante', resume);
  };

  const entry = (type: string, close: string, start: number) => {
    skipSpace();
    const key = /[^,\s})]*/y;
    key.lastIndex = pos;
    const label = key.exec(src)?.[0] ?? '';
    pos = key.lastIndex;
    skipSpace();
    const e: BibEntry = { type, key: label, line: lineOf(start), fields: new Map() };
    // A missing comma after the key loses nothing either.
    if (src[pos] === ',') pos++;
    for (;;) {
      skipSpace();
      if (src[pos] === ',') {
        pos++;
        continue;
      }
      if (src[pos] === close) {
        pos++;
        break;
      }
      if (pos >= src.length || src[pos] === '@') throw neverClosed(e, start);
      const at = pos;
      const field = name().toLowerCase();
      if (!field) throw new Problem(at, `caractère inattendu « ${src[pos]} » : nom de champ attendu`);
      skipSpace();
      if (src[pos] !== '=') throw new Problem(pos, `« = » attendu après le champ « ${field} »`);
      pos++;
      const v = value(field);
      // A repeated field keeps its first value, as BibTeX does.
      if (!e.fields.has(field)) e.fields.set(field, { value: v, line: lineOf(at) });
      skipSpace();
      // A missing comma before the next field loses nothing: it is read as if it were there.
    }
    entries.push(e);
  };

  for (;;) {
    const at = src.indexOf('@', pos);
    if (at < 0) break;
    pos = at + 1;
    skipSpace();
    const type = name().toLowerCase();
    skipSpace();
    const open = src[pos];
    if (!type || (open !== '{' && open !== '(')) continue; // an @ in a comment
    const close = open === '{' ? '}' : ')';
    const startLine = lineOf(at);
    try {
      if (type === 'comment') {
        delimited();
      } else if (type === 'preamble') {
        pos++;
        value('preamble');
        skipSpace();
        if (src[pos] === close) pos++;
      } else if (type === 'string') {
        pos++;
        skipSpace();
        const macro = name().toLowerCase();
        skipSpace();
        if (!macro || src[pos] !== '=') throw new Problem(pos, '@string : « nom = valeur » attendu');
        pos++;
        macros.set(macro, value(macro));
        skipSpace();
        if (src[pos] === close) pos++;
      } else {
        pos++;
        entry(type, close, at);
      }
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      const isEntry = !['comment', 'preamble', 'string'].includes(type);
      problems.push({ line: lineOf(e.at), message: e.message, ...(isEntry ? { entryLine: startLine } : {}) });
      // Go on at the next line that starts an entry.
      pos = e.resume ?? nextEntryStart(e.at);
    }
  }
  return { entries, problems };
}
