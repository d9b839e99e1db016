import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/context.ts';
import { shippedLayer } from '../helpers/reference-layers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Item {
  type: string;
  code: string;
  nom: string;
  population?: number | null;
  departement?: string;
  nature?: string;
}

async function search(query: Record<string, string>): Promise<Item[]> {
  const res = await t.app.inject({ url: '/api/territoires', query });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.total).toBe(body.items.length);
  return body.items;
}

const first = async (q: string, type?: string) => (await search(type ? { q, type } : { q }))[0];

describe('territory search: accents, case, hyphens, saint/st, prefixes', () => {
  it.each([
    'saint etienne',
    'St-Étienne',
    'st etien',
    'SAINT-ETIENNE',
    'saint-étienne',
    '42218',
  ])('"%s" finds Saint-Étienne 42218 first', async (q) => {
    const hit = await first(q);
    expect(hit).toMatchObject({ type: 'commune', code: '42218', nom: 'Saint-Étienne' });
  });

  it('"bouches du rhone" finds the département 13', async () => {
    expect(await first('bouches du rhone')).toMatchObject({ type: 'departement', code: '13' });
  });

  it.each([
    ['13', 'departement', '13'],
    ['2A', 'departement', '2A'],
    ['2b', 'departement', '2B'],
    ['974', 'departement', '974'],
    ['244200770', 'epci', '244200770'],
  ])('code "%s" finds %s %s', async (q, type, code) => {
    const items = await search({ q });
    expect(items.some((i) => i.type === type && i.code === code)).toBe(true);
  });

  it.each([
    ['corse du sud', 'departement', '2A'],
    ['haute corse', 'departement', '2B'],
    ['ajaccio', 'commune', '2A004'],
    ['bastia', 'commune', '2B033'],
    ['cayenne', 'commune', '97302'],
    ['mamoudzou', 'commune', '97611'],
    ['fort de france', 'commune', '97209'],
    ['pointe a pitre', 'commune', '97120'],
    ['le mans', 'commune', '72181'],
    ['l hay les roses', 'commune', '94038'],
    ["l'haÿ", 'commune', '94038'],
    ['chalons en champagne', 'commune', '51108'],
    ['villeurb', 'commune', '69266'],
    ['seine saint denis', 'departement', '93'],
    ['seine st denis', 'departement', '93'],
    ['val d oise', 'departement', '95'],
    ['cotes d armor', 'departement', '22'],
    ['la reunion', 'region', '04'],
    ['auvergne rhone alpes', 'region', '84'],
    ['provence alpes', 'region', '93'],
    ['metropole de lyon', 'epci', '200046977'],
    ['saint etienne metropole', 'epci', '244200770'],
    ['grand paris', 'epci', '200054781'],
  ])('"%s" finds %s %s first', async (q, type, code) => {
    expect(await first(q)).toMatchObject({ type, code });
  });

  it('homonyms: "Saint-Denis" lists the communes of Réunion and Seine-Saint-Denis, largest first', async () => {
    const items = await search({ q: 'Saint-Denis', type: 'commune', limit: '10' });
    const codes = items.map((i) => i.code);
    expect(codes.slice(0, 2)).toEqual(['97411', '93066']);
    expect(codes).toContain('11339');
    expect(codes).toContain('30247');
    expect(codes.indexOf('11339')).toBeGreaterThan(codes.indexOf('93066'));
  });

  it('arrondissements municipaux are found and attached to their city', async () => {
    expect(await first('lyon 3e')).toMatchObject({ code: '69383', nature: 'arrondissement_municipal' });
    expect(await first('75115')).toMatchObject({ code: '75115', nom: 'Paris 15e Arrondissement' });
    expect(await first('marseille', 'commune')).toMatchObject({ code: '13055', nature: 'commune_actuelle' });
  });

  it('DOM communes (97…) with their département', async () => {
    const hit = await first('97411');
    expect(hit).toMatchObject({ code: '97411', nom: 'Saint-Denis', departement: '974' });
  });

  it('a current commune ranks before the commune déléguée sharing its name and code', async () => {
    const items = await search({ q: 'annecy', type: 'commune' });
    expect(items[0]).toMatchObject({ code: '74010', nature: 'commune_actuelle' });
    expect(items.some((i) => i.nature === 'commune_deleguee')).toBe(true);
  });

  it('a postal code finds the communes it serves', async () => {
    const codes = (await search({ q: '75015' })).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['75056', '75115']));
    expect((await search({ q: '42230' })).map((i) => i.code)).toContain('42218');
  });

  it('the type filter keeps only that type', async () => {
    const items = await search({ q: 'saint', type: 'epci', limit: '20' });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.type === 'epci')).toBe(true);
  });

  it('limit bounds the number of items', async () => {
    expect(await search({ q: 'saint', limit: '3' })).toHaveLength(3);
  });

  it('short names are still exact matches ("Y", "Eu")', async () => {
    expect(await first('y', 'commune')).toMatchObject({ code: '80829' });
    expect(await first('eu', 'commune')).toMatchObject({ code: '76255' });
  });

  it.each([
    ['PACA', '93'],
    ['paca', '93'],
    ['AURA', '84'],
    ['IDF', '11'],
    ['HDF', '32'],
    ['Hauts-de-France', '32'],
  ])('the usual short name %s finds the région %s first', async (q, code) => {
    expect(await first(q)).toMatchObject({ type: 'region', code });
  });

  it('an EPCI is found by its SIREN, a commune by its INSEE code', async () => {
    expect(await first('244200770')).toMatchObject({ type: 'epci', code: '244200770' });
    expect(await first('42218')).toMatchObject({ type: 'commune', code: '42218' });
  });

  it('the start of a QPV code lists the quartiers of that département', async () => {
    await t.ctx.services.reference.importQpv(systemActor('test'), shippedLayer('qpv-2024.json.gz'), {
      force: true,
    });
    t.ctx.services.territories.invalidate();
    const found = await search({ q: 'QN042', type: 'qpv', limit: '50' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((q) => q.code.startsWith('QN042'))).toBe(true);
  });

  it('a name that matches nothing answers an empty list', async () => {
    expect(await search({ q: 'zzqxw' })).toEqual([]);
  });
});

describe('territory search: bad input answers a French 4xx and the server stays up', () => {
  it.each([
    ['missing q', {}, 'q'],
    ['empty q', { q: '' }, 'q'],
    ['blank q', { q: '   ' }, 'q'],
    ['10 kB q', { q: 'x'.repeat(10_000) }, 'q'],
    ['unknown type', { q: 'lyon', type: 'ville' }, 'type'],
    ['limit 0', { q: 'lyon', limit: '0' }, 'limit'],
    ['limit not a number', { q: 'lyon', limit: 'beaucoup' }, 'limit'],
    ['limit too large', { q: 'lyon', limit: '1000' }, 'limit'],
  ])('%s → 400 naming the field', async (_label, query, field) => {
    const res = await t.app.inject({ url: '/api/territoires', query: query as Record<string, string> });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.erreur).toMatch(/invalide/);
    expect(Object.keys(body.champs)).toContain(field);
  });

  it.each([
    "'; drop table commune; --",
    '%_%',
    '\\',
    'lyon\u0000',
    "' or 1=1 --",
  ])('SQL metacharacters "%s" are plain text', async (q) => {
    const res = await t.app.inject({ url: '/api/territoires', query: { q } });
    expect(res.statusCode).toBeLessThan(500);
    const health = await t.app.inject('/api/health');
    expect(health.json().reference.communes).toBeGreaterThan(34000);
  });
});
