import { describe, expect, it } from 'vitest';
import { acronymOf, findForms, significantWords } from '../../src/domain/resources/acronyms.ts';
import { parseQuery, planTokens, type QueryTerm } from '../../src/domain/resources/search-query.ts';

const words = (t: QueryTerm): string[] =>
  t.kind === 'word' ? [t.token] : t.kind === 'phrase' ? [`"${t.tokens.join(' ')}"`] : t.terms.flatMap(words);

describe('search syntax', () => {
  it('requires every word, folded; the last word is also a prefix while typed', () => {
    const plan = parseQuery('Inégalités SOCIALES');
    expect(plan.must).toEqual([
      { alternatives: [{ kind: 'word', token: 'inegalites', prefix: false }] },
      { alternatives: [{ kind: 'word', token: 'sociales', prefix: true }] },
    ]);
    expect(parseQuery('inégalités sociales ').must[1]?.alternatives[0]).toMatchObject({ prefix: false });
  });

  it('reads quoted phrases, OR / OU alternatives and exclusions', () => {
    const plan = parseQuery('"santé mentale" jeunes OR adolescents -psychiatrie');
    expect(plan.must.map((c) => c.alternatives.flatMap(words))).toEqual([
      ['"sante mentale"'],
      ['jeunes', 'adolescents'],
    ]);
    expect(plan.not.map((c) => c.alternatives.flatMap(words))).toEqual([['psychiatrie']]);
    expect(parseQuery('jeunes OU adolescents').must).toHaveLength(1);
  });

  it('a word holding an apostrophe or a hyphen is a phrase of its parts', () => {
    expect(parseQuery('l’accès ').must[0]?.alternatives[0]).toEqual({
      kind: 'phrase',
      tokens: ['l', 'acces'],
    });
  });

  it('an empty or blank query has no clause', () => {
    expect(parseQuery('   ')).toEqual({ must: [], not: [] });
  });
});

describe('acronyms', () => {
  it('knows the field’s acronyms whatever the case', () => {
    expect(acronymOf('cpts')?.formes).toEqual(['communauté professionnelle territoriale de santé']);
    expect(acronymOf('CLSM')?.sigle).toBe('CLSM');
    expect(acronymOf('santé')).toBeNull();
  });

  it('expands an acronym into (acronym OR its expanded form as a phrase)', () => {
    const [clause] = parseQuery('CPTS').must;
    expect(clause?.alternatives[0]).toEqual({ kind: 'word', token: 'cpts', prefix: false });
    expect(clause?.alternatives.flatMap(words)).toEqual([
      'cpts',
      '"communaute professionnelle territoriale de sante"',
    ]);
  });

  it('a form typed in full, singular or plural, also finds its acronym', () => {
    for (const q of [
      'communauté professionnelle territoriale de santé',
      'communautés professionnelles territoriales de santé ',
    ]) {
      const plan = parseQuery(q);
      expect(plan.must).toHaveLength(1);
      const alternatives = plan.must[0]?.alternatives ?? [];
      expect(alternatives.map((a) => a.kind)).toEqual(['all', 'word']);
      expect(alternatives[1]).toEqual({ kind: 'word', token: 'cpts', prefix: false });
    }
  });

  it('keeps the words around a form and prefers the longest form', () => {
    const plan = parseQuery('diagnostic quartier prioritaire de la politique de la ville');
    expect(plan.must.map((c) => c.alternatives.flatMap(words))).toEqual([
      ['diagnostic'],
      ['quartier', 'prioritaire', 'de', 'la', 'politique', 'de', 'la', 'ville', 'qpv'],
    ]);
    expect(findForms(significantWords('quartiers prioritaires'))[0]?.acronym.sigle).toBe('QPV');
  });

  it('lists the tokens to stem', () => {
    expect(planTokens(parseQuery('CLS -santé'))).toEqual(['cls', 'contrat', 'local', 'de', 'sante']);
  });
});
