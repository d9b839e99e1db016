import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
/** Every notice of this file carries the marker in its title; every query names it. */
const m = newMarker();
const ids: Record<string, string> = {};
let dynamicId = '';

const NOTICES: Record<string, Record<string, unknown>> = {
  inegalite: {
    type: 'rapport',
    titre: `${m} Réduire l’inégalité sociale face à la santé`,
    date: '2018-05',
    dispositifs: ['ASV'],
    themes: ['inegalites'],
    publics: ['elus'],
    territoires: [{ type: 'commune', code: '42218' }],
  },
  cptsLong: {
    type: 'article',
    titre: `${m} Les communautés professionnelles territoriales de santé en Occitanie`,
    date: '2021',
    dispositifs: ['CPTS'],
    themes: ['coordination'],
  },
  cptsShort: {
    type: 'rapport',
    titre: `${m} Bilan annuel`,
    resume: 'Les CPTS et leurs partenaires <script>alert(1)</script> & les autres.',
    date: '2022-01-10',
    dispositifs: ['CPTS'],
  },
  mentale: {
    type: 'guide',
    titre: `${m} Santé mentale des jeunes`,
    date: '2015',
    dispositifs: ['CLSM'],
    themes: ['sante_mentale', 'jeunes'],
    publics: ['coordinateurs'],
  },
  mentaleResume: {
    type: 'ouvrage',
    titre: `${m} Élus et collectivités`,
    resume: 'Le rôle des élus dans la santé mentale des habitants.',
    date: '2010',
    publics: ['elus'],
  },
  decret: {
    type: 'texte_officiel',
    sousType: 'decret',
    titre: `${m} Décret relatif aux contrats locaux de santé`,
    date: '2019-11-05',
    dispositifs: ['CLS'],
  },
  evaluation: {
    type: 'rapport',
    titre: `${m} Évaluation d’un CLS`,
    date: '2020',
    dispositifs: ['CLS'],
    themes: ['evaluation'],
  },
};

beforeAll(async () => {
  t = await createTestApp();
  const dynamic = await t.app.inject({ method: 'POST', url: '/api/dynamiques', payload: dynamicInput() });
  dynamicId = dynamic.json().id;
  for (const [key, body] of Object.entries(NOTICES)) {
    const payload = key === 'evaluation' ? { ...body, dynamiques: [dynamicId] } : body;
    const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  }
});
afterAll(() => t.close());

async function search(params: Record<string, string>) {
  const res = await t.app.inject({ url: '/api/ressources', query: params });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const found = async (q: string, extra: Record<string, string> = {}): Promise<string[]> => {
  const body = await search({ q: `${m} ${q}`, limit: '50', ...extra });
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return body.items.map((i: { id: string }) => byId.get(i.id));
};

describe('French full-text search', () => {
  it('stems: "inégalités" finds "inégalité sociale"', async () => {
    expect(await found('inégalités')).toEqual(['inegalite']);
    expect(await found('sociales inégalités ')).toEqual(['inegalite']);
  });

  it('ignores accents and case', async () => {
    expect(await found('inegalites')).toEqual(['inegalite']);
    expect(await found('ELUS ')).toEqual(['mentaleResume']);
    expect(await found('evaluation ')).toEqual(['evaluation']);
  });

  it('"CPTS" finds "communauté professionnelle territoriale de santé", and the other way', async () => {
    expect((await found('CPTS ')).sort()).toEqual(['cptsLong', 'cptsShort']);
    expect((await found('communauté professionnelle territoriale de santé ')).sort()).toEqual([
      'cptsLong',
      'cptsShort',
    ]);
    // Only the full form stands for the acronym.
    expect(await found('communautés professionnelles territoriales ')).toEqual(['cptsLong']);
  });

  it('"CLS" finds "contrats locaux de santé", and the other way', async () => {
    expect((await found('CLS')).sort()).toEqual(['decret', 'evaluation']);
    expect((await found('contrat local de santé ')).sort()).toEqual(['decret', 'evaluation']);
  });

  it('the word being typed matches as a prefix', async () => {
    expect(await found('inégal')).toEqual(['inegalite']);
    expect(await found('évalu')).toEqual(['evaluation']);
  });

  it('ranks a match in the title above a match in the abstract', async () => {
    expect(await found('santé mentale ')).toEqual(['mentale', 'mentaleResume']);
  });

  it('phrases, alternatives and exclusions', async () => {
    expect(await found('"mentale santé"')).toEqual([]);
    expect((await found('guide OR décret')).sort()).toEqual(['decret']);
    expect(await found('CPTS -Occitanie ')).toEqual(['cptsShort']);
  });

  it('orders by date on request', async () => {
    const body = await search({ q: m, tri: 'date' });
    expect(body.items.map((i: { date: string }) => i.date)).toEqual([
      '2022-01-10',
      '2021',
      '2020',
      '2019-11-05',
      '2018-05',
      '2015',
      '2010',
    ]);
  });
});

describe('results', () => {
  it('list items with the fields of the contract and an escaped, highlighted excerpt', async () => {
    const body = await search({ q: `${m} CPTS partenaires` });
    expect(body.total).toBe(1);
    const [item] = body.items;
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(['id', 'type', 'titre', 'auteurs', 'date', 'url', 'dispositifs', 'extrait']),
    );
    expect(item.extrait).toContain('<mark>CPTS</mark>');
    expect(item.extrait).toContain('<mark>partenaires</mark>');
    expect(item.extrait).toContain('&lt;script&gt;');
    expect(item.extrait).not.toContain('<script>');
  });

  it('counts facets over the filtered set', async () => {
    const body = await search({ q: m });
    expect(body.total).toBe(7);
    const count = (facet: { valeur: string | number; nombre: number }[]) =>
      Object.fromEntries(facet.map((f) => [f.valeur, f.nombre]));
    expect(count(body.facettes.type)).toEqual({
      rapport: 3,
      article: 1,
      guide: 1,
      ouvrage: 1,
      texte_officiel: 1,
    });
    expect(count(body.facettes.dispositif)).toEqual({ ASV: 1, CPTS: 2, CLSM: 1, CLS: 2 });
    expect(count(body.facettes.theme)).toEqual({
      inegalites: 1,
      coordination: 1,
      sante_mentale: 1,
      jeunes: 1,
      evaluation: 1,
    });
    expect(count(body.facettes.public)).toEqual({ elus: 2, coordinateurs: 1 });
    expect(body.facettes.annee.map((f: { valeur: number }) => f.valeur)).toEqual([
      2022, 2021, 2020, 2019, 2018, 2015, 2010,
    ]);
    const filtered = await search({ q: m, dispositif: 'CPTS,CLS' });
    expect(filtered.total).toBe(4);
    expect(count(filtered.facettes.type)).toEqual({ rapport: 2, article: 1, texte_officiel: 1 });
  });

  it('filters by type, dispositif, theme, audience, years, dynamic and territory', async () => {
    expect(await found('', { type: 'guide,ouvrage' })).toHaveLength(2);
    expect((await found('', { anneeMin: '2019', anneeMax: '2021' })).sort()).toEqual([
      'cptsLong',
      'decret',
      'evaluation',
    ]);
    expect(await found('', { theme: 'sante_mentale', public: 'coordinateurs' })).toEqual(['mentale']);
    expect(await found('', { dynamique: dynamicId })).toEqual(['evaluation']);
    expect(await found('', { territoire: 'commune:42218' })).toEqual(['inegalite']);
  });

  it('pages through the results', async () => {
    const first = await search({ q: m, tri: 'date', limit: '3' });
    const second = await search({ q: m, tri: 'date', limit: '3', page: '2' });
    expect(first.total).toBe(7);
    expect(second.items).toHaveLength(3);
    expect(second.items[0].date).toBe('2019-11-05');
  });

  it('rejects bad parameters with a French 400', async () => {
    const queries: Record<string, string>[] = [
      { anneeMin: '2020', anneeMax: '2010' },
      { type: 'roman' },
      { limit: '500' },
    ];
    for (const query of queries) {
      const res = await t.app.inject({ url: '/api/ressources', query });
      expect(res.statusCode).toBe(400);
      expect(res.json().erreur).toMatch(/Requête invalide/);
    }
  });
});
