import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const detail = async (type: string, code: string) => {
  const res = await t.app.inject(`/api/territoires/${type}/${encodeURIComponent(code)}`);
  return { status: res.statusCode, body: res.json() };
};
const refs = (list: { type: string; code: string }[]) => list.map((r) => `${r.type}:${r.code}`);

describe('GET /api/territoires/{type}/{code}', () => {
  it('commune → EPCI, département, région as parents', async () => {
    const { status, body } = await detail('commune', '42218');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      type: 'commune',
      code: '42218',
      nom: 'Saint-Étienne',
      nature: 'commune_actuelle',
    });
    expect(body.population).toBeGreaterThan(100_000);
    expect(refs(body.parents)).toEqual(['epci:244200770', 'departement:42', 'region:84']);
  });

  it('Paris, Lyon and Marseille list their arrondissements municipaux', async () => {
    const paris = (await detail('commune', '75056')).body;
    expect(
      paris.enfants.filter((e: { nature: string }) => e.nature === 'arrondissement_municipal'),
    ).toHaveLength(20);
    expect((await detail('commune', '69123')).body.enfants).toHaveLength(9);
    expect((await detail('commune', '13055')).body.enfants).toHaveLength(16);
  });

  it('an arrondissement has its city among its parents', async () => {
    const { body } = await detail('commune', '69383');
    expect(body.nature).toBe('arrondissement_municipal');
    expect(refs(body.parents)).toEqual(['commune:69123', 'epci:200046977', 'departement:69', 'region:84']);
  });

  it('a commune déléguée points to its commune nouvelle', async () => {
    // 01340 is a former code of Arboys en Bugey (01015), which keeps Arbignieu as commune déléguée 01015.
    const { body } = await detail('commune', '01015');
    expect(body.nature).toBe('commune_actuelle');
    expect(body.enfants.some((e: { nature: string }) => e.nature === 'commune_deleguee')).toBe(true);
  });

  it('EPCI → member communes as children, département(s) and région as parents', async () => {
    const { body } = await detail('epci', '244200770');
    expect(body.nom).toBe('Saint-Étienne Métropole');
    expect(body.enfants.length).toBeGreaterThan(40);
    expect(refs(body.enfants)).toContain('commune:42218');
    expect(refs(body.parents)).toEqual(['departement:42', 'region:84']);
  });

  it('département → région, and its communes as children', async () => {
    const { body } = await detail('departement', '2A');
    expect(body.nom).toBe('Corse-du-Sud');
    expect(refs(body.parents)).toEqual(['region:94']);
    expect(body.enfants.length).toBeGreaterThan(100);
    expect(body.enfants.every((e: { code: string }) => e.code.startsWith('2A'))).toBe(true);
  });

  it('région → its départements, population summed from its communes', async () => {
    const { body } = await detail('region', '93');
    expect(refs(body.enfants)).toEqual([
      'departement:04',
      'departement:05',
      'departement:06',
      'departement:13',
      'departement:83',
      'departement:84',
    ]);
    expect(body.population).toBeGreaterThan(5_000_000);
  });

  it('overseas: département 974 and its communes', async () => {
    const { body } = await detail('departement', '974');
    expect(body.nom).toBe('La Réunion');
    expect(refs(body.enfants)).toContain('commune:97411');
  });

  it.each([
    ['commune', '99999'],
    ['epci', '123456789'],
    ['departement', '96'],
    ['region', '99'],
  ])('unknown %s %s → 404 in French', async (type, code) => {
    const { status, body } = await detail(type, code);
    expect(status).toBe(404);
    expect(body.erreur).toMatch(/Aucun territoire/);
  });

  it.each([
    ['commune', '4221'],
    ['commune', 'ABCDE'],
    ['epci', '2442'],
    ['departement', '2C'],
    ['region', '8'],
    ['commune', "42218' or '1'='1"],
  ])('malformed %s code %s → 400 naming the code', async (type, code) => {
    const { status, body } = await detail(type, code);
    expect(status).toBe(400);
    expect(body.champs).toHaveProperty('code');
  });

  it('unknown type → 400 naming the type', async () => {
    const { status, body } = await detail('canton', '4201');
    expect(status).toBe(400);
    expect(body.champs).toHaveProperty('type');
  });
});
