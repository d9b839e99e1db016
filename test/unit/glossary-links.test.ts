import { describe, expect, it } from 'vitest';
import { glossaryKey, glossaryTermInput } from '../../src/domain/glossary/schemas.ts';
import { searchGlossary } from '../../src/domain/glossary/search.ts';
import { type LinkableTerm, linkTerms, TermLinker } from '../../src/domain/glossary/term-links.ts';

const TERMS: LinkableTerm[] = [
  { cle: 'CLS', sigle: 'CLS', formes: ['contrat local de santé'] },
  { cle: 'CLSM', sigle: 'CLSM', formes: ['conseil local de santé mentale'] },
  { cle: 'CdS', sigle: 'CdS', formes: ['centre de santé'] },
  { cle: 'ARS', sigle: 'ARS', formes: ['agence régionale de santé'] },
  { cle: 'QPV', sigle: 'QPV', formes: ['quartier prioritaire de la politique de la ville'] },
  { cle: 'DAC', sigle: 'DAC', formes: ['dispositif d’appui à la coordination'] },
  { cle: 'democratie-sanitaire', sigle: null, formes: ['démocratie sanitaire'] },
];

const linked = (text: string) => linkTerms(text, TERMS).flatMap((s) => (s.terme ? [[s.texte, s.terme]] : []));

describe('glossary term links', () => {
  it('gives the text back unchanged when the segments are joined', () => {
    const text = 'Le CLS de Lens, signé avec l’ARS, et le CLSM : deux « outils ». ';
    const segments = linkTerms(text, TERMS);
    expect(segments.map((s) => s.texte).join('')).toBe(text);
    expect(linked(text)).toEqual([
      ['CLS', 'CLS'],
      ['ARS', 'ARS'],
      ['CLSM', 'CLSM'],
    ]);
  });

  it('matches acronyms as whole words only: CLS is not found inside CLSM or CLS2', () => {
    expect(linked('Un CLSM et des CLSx, pas de CLS2 mais un CLS.')).toEqual([
      ['CLSM', 'CLSM'],
      ['CLS', 'CLS'],
    ]);
  });

  it('matches acronyms case-sensitively, also written in capitals ("CDS" for "CdS")', () => {
    expect(linked('Le CdS et le CDS, mais pas les ars ni « cls ».')).toEqual([
      ['CdS', 'CdS'],
      ['CDS', 'CdS'],
    ]);
  });

  it('matches expanded forms whatever the accents, case, apostrophes and plural', () => {
    expect(
      linked(
        "Les Contrats Locaux de Sante, l’Agence régionale de santé, le Dispositif d'appui a la coordination et la DÉMOCRATIE SANITAIRE.",
      ),
    ).toEqual([
      ['Contrats Locaux de Sante', 'CLS'],
      ['Agence régionale de santé', 'ARS'],
      ["Dispositif d'appui a la coordination", 'DAC'],
      ['DÉMOCRATIE SANITAIRE', 'democratie-sanitaire'],
    ]);
  });

  it('prefers the longest form and does not span punctuation', () => {
    expect(linked('Un conseil local de santé mentale.')).toEqual([
      ['conseil local de santé mentale', 'CLSM'],
    ]);
    expect(linked('Le centre de santé. Mentale ?')).toEqual([['centre de santé', 'CdS']]);
    expect(linked('Un contrat local, de santé')).toEqual([]);
  });

  it('does not match a form inside a longer word', () => {
    expect(linked('La démocratie sanitaires-ville et démocraties sanitaires')).toEqual([
      ['démocratie sanitaires', 'democratie-sanitaire'],
      ['démocraties sanitaires', 'democratie-sanitaire'],
    ]);
    expect(linked('Les centres de santépolis')).toEqual([]);
  });

  it('lists the entries a text mentions, once each', () => {
    const linker = new TermLinker(TERMS);
    expect(linker.mentions('ARS, CLS, ARS puis contrat local de santé')).toEqual(['ARS', 'CLS']);
    expect(linker.segments('')).toEqual([{ texte: '' }]);
  });
});

describe('glossary entry input', () => {
  it('keys an entry by its acronym, else by a slug of its form', () => {
    const withSigle = glossaryTermInput.parse({
      sigle: 'CLS',
      forme: 'Contrat local de santé',
      definition: 'x',
    });
    expect(glossaryKey(withSigle)).toBe('CLS');
    const without = glossaryTermInput.parse({ forme: 'Démocratie sanitaire', definition: 'x' });
    expect(glossaryKey(without)).toBe('democratie-sanitaire');
  });

  it('refuses an acronym with spaces and a source without anything', () => {
    const res = glossaryTermInput.safeParse({
      sigle: 'C L S',
      forme: 'x',
      definition: 'y',
      sources: [{}],
    });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.path.join('.'))).toEqual(['sigle', 'sources.0']);
  });
});

describe('glossary search', () => {
  const entries = [
    {
      sigle: 'CLSM',
      forme: 'Conseil local de santé mentale',
      variantes: [],
      definition: 'Instance de concertation.',
    },
    {
      sigle: 'CLS',
      forme: 'Contrat local de santé',
      variantes: [],
      definition: 'Contrat entre l’ARS et une collectivité.',
    },
    {
      sigle: 'ARS',
      forme: 'Agence régionale de santé',
      variantes: [],
      definition: 'Pilote la santé en région.',
    },
    { sigle: null, forme: 'Démocratie sanitaire', variantes: [], definition: 'Participation des usagers.' },
  ];
  const found = (q: string) => searchGlossary(entries, q).map((e) => e.sigle ?? e.forme);

  it('finds by acronym, form or definition without regard to accents or case', () => {
    expect(found('cls')).toEqual(['CLS', 'CLSM']);
    expect(found('DEMOCRATIE')).toEqual(['Démocratie sanitaire']);
    expect(found('régionale sante')).toEqual(['ARS']);
    expect(found('usagers')).toEqual(['Démocratie sanitaire']);
  });

  it('puts entries named by the query before those that only mention it', () => {
    expect(found('ars')).toEqual(['ARS', 'CLS']);
    expect(found('')).toHaveLength(4);
    expect(found('introuvable')).toEqual([]);
  });
});
