import type { NoticeIndex } from './notice-index.ts';
import type { QueryPlan, QueryTerm } from './search-query.ts';

/**
 * A query plan bound to the index: each word replaced by the id of its stem (as the database stems it)
 * and, for the word being typed, the ids of every lexeme it begins.
 */
export type Resolved =
  | { kind: 'lexemes'; exact: number | null; others: number[] }
  | { kind: 'phrase'; parts: { id: number; offset: number }[] }
  | { kind: 'all'; terms: Resolved[] }
  | { kind: 'nothing' };

export interface ResolvedPlan {
  /** Each clause: alternatives, one of which must match. */
  must: Resolved[][];
  not: Resolved[][];
  /** The query had words but only stop words: it matches nothing, like PostgreSQL's. */
  onlyStopWords: boolean;
}

/** Prefixes shorter than this would expand to a large part of the lexicon. */
const MIN_PREFIX = 3;
const NOTHING: Resolved = { kind: 'nothing' };

/** `stems`: folded token → its lexeme, or null for a stop word. Null result: the term is neutral. */
function resolveTerm(t: QueryTerm, index: NoticeIndex, stems: Map<string, string | null>): Resolved | null {
  if (t.kind === 'word') {
    const stem = stems.get(t.token) ?? null;
    // A stop word constrains nothing, even while typed: "des" is more often "des" than "déserts".
    if (stem === null) return null;
    const exact = stem === null ? null : (index.lexemeIds.get(stem) ?? null);
    const others = new Set<number>();
    if (t.prefix && t.token.length >= MIN_PREFIX) {
      for (const id of index.lexemesWithPrefix(t.token)) others.add(id);
      if (stem.length >= MIN_PREFIX) for (const id of index.lexemesWithPrefix(stem)) others.add(id);
    }
    if (exact !== null) others.delete(exact);
    if (exact === null && others.size === 0) return NOTHING;
    return { kind: 'lexemes', exact, others: [...others] };
  }
  if (t.kind === 'phrase') {
    const parts: { id: number; offset: number }[] = [];
    let unknown = false;
    t.tokens.forEach((token, offset) => {
      const stem = stems.get(token) ?? null;
      if (stem === null) return;
      const id = index.lexemeIds.get(stem);
      if (id === undefined) unknown = true;
      else parts.push({ id, offset });
    });
    if (unknown) return NOTHING;
    if (parts.length === 0) return null;
    if (parts.length === 1) return { kind: 'lexemes', exact: (parts[0] as { id: number }).id, others: [] };
    const first = (parts[0] as { offset: number }).offset;
    return { kind: 'phrase', parts: parts.map((p) => ({ id: p.id, offset: p.offset - first })) };
  }
  const terms = t.terms.map((x) => resolveTerm(x, index, stems)).filter((x): x is Resolved => x !== null);
  if (terms.length === 0) return null;
  if (terms.some((x) => x.kind === 'nothing')) return NOTHING;
  return terms.length === 1 ? (terms[0] as Resolved) : { kind: 'all', terms };
}

function resolveClauses(
  clauses: QueryPlan['must'],
  index: NoticeIndex,
  stems: Map<string, string | null>,
): Resolved[][] {
  const out: Resolved[][] = [];
  for (const clause of clauses) {
    const alternatives = clause.alternatives.map((t) => resolveTerm(t, index, stems));
    // A neutral alternative (stop words only) accepts every document: the clause constrains nothing.
    if (alternatives.some((a) => a === null)) continue;
    const useful = (alternatives as Resolved[]).filter((a) => a.kind !== 'nothing');
    out.push(useful.length > 0 ? useful : [NOTHING]);
  }
  return out;
}

export function resolvePlan(
  plan: QueryPlan,
  index: NoticeIndex,
  stems: Map<string, string | null>,
): ResolvedPlan {
  const must = resolveClauses(plan.must, index, stems);
  const not = resolveClauses(plan.not, index, stems).filter((c) => c.some((a) => a.kind !== 'nothing'));
  return { must, not, onlyStopWords: plan.must.length > 0 && must.length === 0 };
}

/** Every lexeme a matching document may contain, to highlight the words that made it match. */
export function matchedLexemes(plan: ResolvedPlan, index: NoticeIndex): Set<string> {
  const out = new Set<string>();
  const visit = (r: Resolved) => {
    if (r.kind === 'lexemes') {
      if (r.exact !== null) out.add(index.lexemes[r.exact] as string);
      for (const id of r.others) out.add(index.lexemes[id] as string);
    } else if (r.kind === 'phrase') {
      for (const p of r.parts) out.add(index.lexemes[p.id] as string);
    } else if (r.kind === 'all') {
      for (const t of r.terms) visit(t);
    }
  };
  for (const clause of plan.must) for (const r of clause) visit(r);
  return out;
}
