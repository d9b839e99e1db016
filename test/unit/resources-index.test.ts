import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  duplicateReason,
  duplicatesWithin,
  fillEmptyFields,
} from '../../src/domain/resources/dedup.ts';
import { excerpt } from '../../src/domain/resources/highlight.ts';
import { resolvePlan } from '../../src/domain/resources/index-query.ts';
import { type IndexFilters, searchIndex, topWindow } from '../../src/domain/resources/index-search.ts';
import {
  type IndexedNotice,
  NoticeIndex,
  packPositions,
  unpackPositions,
} from '../../src/domain/resources/notice-index.ts';
import { noticeInput } from '../../src/domain/resources/schemas.ts';
import { parseQuery, planTokens } from '../../src/domain/resources/search-query.ts';
import { parseTsvector } from '../../src/domain/resources/tsvector.ts';

describe('tsvector text', () => {
  it('reads lexemes, positions and weights (D when unmarked), quotes and backslashes', () => {
    expect(parseTsvector("'acces':3A,10 'l''eau':2B 'x\\\\y' 'sant':1,5C")).toEqual([
      { lexeme: 'acces', positions: [3, 10], weights: ['A', 'D'] },
      { lexeme: "l'eau", positions: [2], weights: ['B'] },
      { lexeme: 'x\\y', positions: [], weights: [] },
      { lexeme: 'sant', positions: [1, 5], weights: ['D', 'C'] },
    ]);
  });

  it('packs up to three positions in a number', () => {
    expect(unpackPositions(packPositions([3, 16383, 1]), [])).toEqual([3, 16383, 1]);
    expect(packPositions([1, 2, 3, 4])).toBe(0);
  });
});

/** A notice with a hand-written tsvector, as the database would give it (stemmed, unaccented). */
function notice(id: string, tsvector: string, extra: Partial<IndexedNotice> = {}): IndexedNotice {
  return {
    id,
    generation: 1,
    type: 'rapport',
    annee: 2020,
    date: '2020',
    dispositifs: [],
    themes: [],
    publics: [],
    dynamiques: [],
    territoires: [],
    tsvector,
    ...extra,
  };
}

const NO_FILTERS: IndexFilters = {
  types: [],
  dispositifs: [],
  themes: [],
  publics: [],
  anneeMin: null,
  anneeMax: null,
  links: [],
};

/** A tiny stemmer for the test: what PostgreSQL's French configuration gives for these words. */
const STEMS: Record<string, string | null> = {
  sante: 'sant',
  mentale: 'mental',
  cpts: 'cpts',
  communaute: 'communaut',
  professionnelle: 'professionnel',
  territoriale: 'territorial',
  de: null,
  la: null,
  jeunes: 'jeun',
  rapport: 'rapport',
};

function search(
  index: NoticeIndex,
  q: string,
  filters: Partial<IndexFilters> = {},
  order: 'pertinence' | 'date' = 'pertinence',
) {
  const plan = parseQuery(q);
  const stems = new Map(planTokens(plan).map((t) => [t, t in STEMS ? (STEMS[t] ?? null) : t]));
  const resolved = resolvePlan(plan, index, stems);
  const result = searchIndex(index, resolved, { ...NO_FILTERS, ...filters }, order, { offset: 0, limit: 10 });
  return { ...result, ids: result.slots.map((s) => index.ids[s]) };
}

function sampleIndex() {
  const index = new NoticeIndex();
  index.upsert(
    notice('title', "'mental':2A 'sant':1A 'jeun':3C", { dispositifs: ['CLSM'], annee: 2018, date: '2018' }),
  );
  index.upsert(
    notice('abstract', "'rapport':1A 'sant':5C 'mental':6C", {
      type: 'article',
      annee: 2021,
      date: '2021-04',
    }),
  );
  index.upsert(
    notice('expansion', "'communaut':1A 'professionnel':2A 'territorial':3A 'sant':5A", {
      dispositifs: ['CPTS'],
    }),
  );
  index.upsert(
    notice('acronym', "'cpts':4B 'rapport':1A", { themes: ['coordination'], annee: 2015, date: '2015' }),
  );
  return index;
}

describe('in-memory index', () => {
  it('ranks a title match above an abstract match and counts facets of the matching set', () => {
    const r = search(sampleIndex(), 'santé mentale');
    expect(r.ids).toEqual(['title', 'abstract']);
    expect(r.total).toBe(2);
    // Types by index in NOTICE_TYPES: article 0, rapport 1.
    expect(new Map(r.facets.types)).toEqual(
      new Map([
        [0, 1],
        [1, 1],
      ]),
    );
    expect([...r.facets.years].sort()).toEqual([
      [2018, 1],
      [2021, 1],
    ]);
  });

  it('finds the acronym and its expansion both ways', () => {
    expect(search(sampleIndex(), 'CPTS').ids.sort()).toEqual(['acronym', 'expansion']);
    expect(search(sampleIndex(), 'communauté professionnelle territoriale de santé').ids.sort()).toEqual([
      'acronym',
      'expansion',
    ]);
  });

  it('matches the word being typed as a prefix, phrases in order, and exclusions', () => {
    expect(search(sampleIndex(), 'ment').ids.sort()).toEqual(['abstract', 'title']);
    expect(search(sampleIndex(), '"mentale santé"').ids).toEqual([]);
    expect(search(sampleIndex(), '"santé mentale"').ids).toEqual(['title', 'abstract']);
    expect(search(sampleIndex(), '"mentale jeunes"').ids).toEqual(['title']);
    expect(search(sampleIndex(), 'rapport -cpts').ids).toEqual(['abstract']);
  });

  it('filters by type, dispositif, theme and years; orders by date', () => {
    const index = sampleIndex();
    expect(search(index, '', { types: ['article'] }).ids).toEqual(['abstract']);
    expect(search(index, '', { dispositifs: ['CPTS', 'CLSM'] }).ids.sort()).toEqual(['expansion', 'title']);
    expect(search(index, '', { themes: ['coordination'] }).ids).toEqual(['acronym']);
    expect(search(index, '', { anneeMin: 2016, anneeMax: 2020 }).ids.sort()).toEqual(['expansion', 'title']);
    expect(search(index, '', {}, 'date').ids).toEqual(['abstract', 'expansion', 'title', 'acronym']);
  });

  it('replaces a notice written again and forgets a deleted one, in generation order', () => {
    const index = sampleIndex();
    index.upsert(notice('title', "'autr':1A", { generation: 3 }));
    index.upsert(notice('title', "'sant':1A", { generation: 2 }));
    expect(search(index, 'santé').ids).not.toContain('title');
    index.remove('abstract', 5);
    expect(search(index, 'santé').ids).toEqual(['expansion']);
    expect(index.liveCount).toBe(3);
  });

  it('a query of stop words only matches nothing', () => {
    expect(search(sampleIndex(), 'de la ').total).toBe(0);
  });

  it('selects a window without sorting everything', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    expect(topWindow(items, (a, b) => a - b, 10, 5)).toEqual([10, 11, 12, 13, 14]);
  });
});

describe('excerpts', () => {
  it('escapes HTML and marks the matching words', () => {
    const e = excerpt('Les <b>inégalités</b> & la santé', (w) => w === 'inegalites');
    expect(e).toEqual({
      html: 'Les &lt;b&gt;<mark>inégalités</mark>&lt;/b&gt; &amp; la santé',
      marked: true,
    });
    expect(excerpt(`Dire "oui" c'est tout`, (w) => w === 'oui').html).toBe(
      'Dire &quot;<mark>oui</mark>&quot; c&#39;est tout',
    );
  });

  it('starts near the first match in a long text', () => {
    const text = `${'mot '.repeat(100)}cible ${'suite '.repeat(100)}`;
    const e = excerpt(text, (w) => w === 'cible', 100);
    expect(e.html.startsWith('…')).toBe(true);
    expect(e.html).toContain('<mark>cible</mark>');
    expect(e.html.length).toBeLessThan(130);
  });
});

describe('duplicates', () => {
  const n = (o: Record<string, unknown>) => noticeInput.parse({ type: 'rapport', titre: 'Titre', ...o });

  it('same DOI (any spelling), same URL (scheme, www, trailing slash), same title and year', () => {
    const k = (o: Record<string, unknown>) => duplicateKeys(n(o));
    expect(duplicateReason(k({ doi: 'https://doi.org/10.1234/AB' }), k({ doi: 'doi:10.1234/ab' }))).toBe(
      'doi',
    );
    expect(duplicateReason(k({ url: 'http://www.ex.org/a/' }), k({ url: 'https://ex.org/a' }))).toBe('url');
    expect(
      duplicateReason(
        k({ titre: 'L’accès aux soins !', date: '2019' }),
        k({ titre: 'l acces aux SOINS', date: '2019-05' }),
      ),
    ).toBe('titre_annee');
    expect(duplicateReason(k({ date: '2019' }), k({ date: '2020' }))).toBeNull();
    expect(duplicatesWithin([k({ date: '2019' }), k({ date: '2020' }), k({ date: '2019' })])).toEqual([
      { of: -1, reason: 'doi' },
      { of: -1, reason: 'doi' },
      { of: 0, reason: 'titre_annee' },
    ]);
  });

  it('a merge fills the empty fields and keeps what the stored notice states', () => {
    const kept = n({ resume: null, editeur: 'A', themes: [], conteneur: { titre: 'Revue' } });
    const other = n({
      resume: 'Résumé',
      origineResume: 'editeur',
      editeur: 'B',
      themes: ['evaluation'],
      conteneur: { titre: 'X', volume: '3' },
    });
    expect(fillEmptyFields(kept, other)).toMatchObject({
      resume: 'Résumé',
      origineResume: 'editeur',
      editeur: 'A',
      themes: ['evaluation'],
      conteneur: { titre: 'Revue', volume: '3', numero: null },
    });
  });
});

describe('notice validation', () => {
  it('files free tags that are descriptors or dispositifs where they belong', () => {
    const parsed = noticeInput.parse({
      type: 'guide',
      titre: 'x',
      etiquettes: ['SANTÉ MENTALE', 'CPTS', 'libre'],
      motsCles: ['Prévention'],
    });
    expect(parsed).toMatchObject({
      motsCles: ['prévention', 'santé mentale'],
      etiquettes: ['libre'],
      dispositifs: ['CPTS'],
    });
  });

  it('rejects what a documentalist would get wrong, in French', () => {
    const r = noticeInput.safeParse({
      type: 'guide',
      sousType: 'loi',
      titre: ' ',
      auteurs: [{ prenom: 'Marie' }],
      date: '2019-02-30',
      motsCles: ['inconnu'],
      doi: 'pas un doi',
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      titre: 'titre obligatoire',
      'auteurs.0': expect.stringMatching(/nom/),
      date: 'date inexistante',
      doi: expect.stringMatching(/DOI/),
    });
  });
});
