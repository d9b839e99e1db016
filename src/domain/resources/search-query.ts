import { foldText } from '../text/normalize.ts';
import { acronymOf, findForms, significantWords } from './acronyms.ts';

/**
 * The search syntax, close to web search engines: words are all required, "quoted words" must follow
 * each other, `OR` (or `OU`) between words accepts either, a leading `-` excludes. The last word also
 * matches as a prefix while it is being typed. Acronyms of the field are expanded both ways.
 * Words are folded here (case, accents); the stemming is the database's, applied later.
 */
export type QueryTerm =
  | { kind: 'word'; token: string; prefix: boolean }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'all'; terms: QueryTerm[] };

/** A document matches a clause when it matches one of its alternatives. */
export interface QueryClause {
  alternatives: QueryTerm[];
}

export interface QueryPlan {
  must: QueryClause[];
  not: QueryClause[];
}

interface Item {
  tokens: string[];
  quoted: boolean;
  negated: boolean;
  orBefore: boolean;
}

const ITEM = /(-?)"([^"]*)"?|(\S+)/g;

function readItems(q: string): Item[] {
  const items: Item[] = [];
  let orPending = false;
  for (const m of q.matchAll(ITEM)) {
    const [, minus, quoted, bare] = m;
    if (bare === 'OR' || bare === 'OU') {
      orPending = items.length > 0;
      continue;
    }
    const negated = minus === '-' || (bare?.startsWith('-') ?? false);
    const text = quoted ?? bare?.replace(/^-/, '') ?? '';
    const tokens = foldText(text).split(' ').filter(Boolean);
    if (tokens.length === 0) continue;
    items.push({ tokens, quoted: quoted !== undefined, negated, orBefore: orPending });
    orPending = false;
  }
  return items;
}

const termOf = (item: Item, prefix: boolean): QueryTerm =>
  item.tokens.length === 1 && !item.quoted
    ? { kind: 'word', token: item.tokens[0] as string, prefix }
    : { kind: 'phrase', tokens: item.tokens };

export function parseQuery(q: string): QueryPlan {
  const items = readItems(q);
  const typingLast = !/\s$/.test(q) && !/"$/.test(q.trim());
  const lastIndex = items.length - 1;
  const must: QueryClause[] = [];
  const not: QueryClause[] = [];
  /** For each must clause made of one plain word, the item it came from (for expanded forms). */
  const plainWords: { clause: number; item: Item }[] = [];
  items.forEach((item, i) => {
    // An acronym of the field is a complete word: "CLS" must not also find "CLSM".
    const acronym = item.tokens.length === 1 && acronymOf(item.tokens[0] as string) !== null;
    const prefix = typingLast && i === lastIndex && !item.quoted && !item.negated && !acronym;
    const term = termOf(item, prefix);
    const target = item.negated ? not : must;
    const previous = target.at(-1);
    if (item.orBefore && previous) {
      previous.alternatives.push(term);
      return;
    }
    target.push({ alternatives: [term] });
    if (!item.negated && !item.quoted && item.tokens.length === 1 && !items[i + 1]?.orBefore) {
      plainWords.push({ clause: must.length - 1, item });
    }
  });
  // Acronyms first: the acronym a typed-out form adds is not expanded again (the form already is).
  return { must: expandForms(expandAcronyms(must), plainWords), not: expandAcronyms(not) };
}

/** "communauté professionnelle territoriale de santé" typed in full also finds "CPTS". */
function expandForms(must: QueryClause[], plainWords: { clause: number; item: Item }[]): QueryClause[] {
  // Significant words of consecutive plain-word clauses, with the clause each comes from.
  const words: { word: string; clause: number }[] = [];
  for (const p of plainWords) {
    for (const w of significantWords(p.item.tokens.join(' '))) words.push({ word: w, clause: p.clause });
  }
  // A match must span plain-word clauses only: glue words between them ("de") are plain words too.
  const plain = new Set(plainWords.map((p) => p.clause));
  const matches = findForms(words.map((w) => w.word)).filter((m) => {
    const first = (words[m.start] as { clause: number }).clause;
    const last = (words[m.end - 1] as { clause: number }).clause;
    for (let c = first; c <= last; c++) if (!plain.has(c)) return false;
    return true;
  });
  if (matches.length === 0) return must;
  const out: QueryClause[] = [];
  let next = 0;
  for (const m of matches) {
    const first = (words[m.start] as { clause: number }).clause;
    const last = (words[m.end - 1] as { clause: number }).clause;
    out.push(...must.slice(next, first));
    // Glue words typed between the matched words ("de", "la") stay out: they are not indexed anyway.
    const typed = must.slice(first, last + 1).flatMap((c) => c.alternatives);
    const terms = typed.map((t) => (t.kind === 'word' ? { ...t, prefix: false } : t));
    out.push({
      alternatives: [
        { kind: 'all', terms },
        { kind: 'word', token: m.acronym.sigle.toLowerCase(), prefix: false },
      ],
    });
    next = last + 1;
  }
  out.push(...must.slice(next));
  return out;
}

/** "CPTS" also finds "communauté professionnelle territoriale de santé" (as a phrase). */
function expandAcronyms(clauses: QueryClause[]): QueryClause[] {
  return clauses.map((clause) => ({
    alternatives: clause.alternatives.flatMap((term) => {
      const acronym = term.kind === 'word' ? acronymOf(term.token) : null;
      if (!acronym) return [term];
      const phrases: QueryTerm[] = acronym.formes.map((f) => ({
        kind: 'phrase',
        tokens: foldText(f).split(' '),
      }));
      return [term, ...phrases];
    }),
  }));
}

/** Every folded token the plan needs stemmed. */
export function planTokens(plan: QueryPlan): string[] {
  const out = new Set<string>();
  const visit = (t: QueryTerm) => {
    if (t.kind === 'word') out.add(t.token);
    else if (t.kind === 'phrase') for (const x of t.tokens) out.add(x);
    else for (const x of t.terms) visit(x);
  };
  for (const c of [...plan.must, ...plan.not]) for (const t of c.alternatives) visit(t);
  return [...out];
}

export const isEmptyPlan = (plan: QueryPlan) => plan.must.length === 0 && plan.not.length === 0;
