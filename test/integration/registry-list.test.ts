import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
// A marker in every name lets assertions ignore records other test files left on a shared server.
const marker = `listtest${process.pid}${Date.now().toString(36)}`;
const ids: Record<string, string> = {};

async function create(key: string, overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: `${marker} ${key}`, ...overrides }),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
}

async function list(query: Record<string, string>) {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { q: marker, limit: '100', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return {
    total: body.total as number,
    keys: (body.items as { nom: string }[]).map((i) => i.nom.split(' ')[1]).sort(),
    body,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  // Saint-Étienne (Loire, AURA): CLS signed 2013, renewed; ASV stopped end of 2017.
  await create('clsStEtienne', {
    type: 'CLS',
    statut: undefined,
    perimetre: { communes: ['42218'] },
    evenements: [
      { date: '2012-01-01', type: 'creation' },
      { date: '2013-05-01', type: 'signature' },
    ],
    dateFin: '2027-03-01',
  });
  await create('asvStEtienne', {
    type: 'ASV',
    statut: undefined,
    perimetre: { communes: ['42218'] },
    evenements: [
      { date: '2001-01-01', type: 'signature' },
      { date: '2017-12-31', type: 'arret' },
    ],
  });
  // Marseille (PACA): CLSM in project, verified recently.
  await create('clsmMarseille', {
    type: 'CLSM',
    statut: 'en_projet',
    perimetre: { communes: ['13055'] },
    dateDebut: '2019-01-01',
    verification: { date: new Date().toISOString().slice(0, 10), par: 'test' },
  });
  // A whole EPCI of the Loire.
  await create('cptsEpci', { type: 'CPTS', perimetre: { epci: ['244200770'] }, dateDebut: '2020-06-01' });
});
afterAll(() => t.close());

describe('GET /api/dynamiques filters', () => {
  it('lists today by default with the status of today', async () => {
    const { keys, body } = await list({});
    expect(keys).toEqual(['asvStEtienne', 'clsStEtienne', 'clsmMarseille', 'cptsEpci']);
    const asv = body.items.find((i: { id: string }) => i.id === ids.asvStEtienne);
    expect(asv.statut).toBe('arrete');
  });

  it('filters by type (comma list) and status', async () => {
    expect((await list({ type: 'CLS,CLSM' })).keys).toEqual(['clsStEtienne', 'clsmMarseille']);
    expect((await list({ statut: 'actif' })).keys).toEqual(['clsStEtienne', 'cptsEpci']);
  });

  it('filters by région, département and territory', async () => {
    expect((await list({ region: '93' })).keys).toEqual(['clsmMarseille']);
    expect((await list({ departement: '42' })).keys).toEqual(['asvStEtienne', 'clsStEtienne', 'cptsEpci']);
    expect((await list({ territoire: 'epci:244200770' })).keys).toEqual([
      'asvStEtienne',
      'clsStEtienne',
      'cptsEpci',
    ]);
    // A commune of the EPCI other than Saint-Étienne is only covered by the CPTS.
    expect((await list({ territoire: 'commune:42095' })).keys).toEqual(['cptsEpci']);
  });

  it('answers as it was on a past date', async () => {
    const march2018 = await list({ date: '2018-03-01' });
    expect(march2018.keys).toEqual(['asvStEtienne', 'clsStEtienne']);
    const asv = march2018.body.items.find((i: { id: string }) => i.id === ids.asvStEtienne);
    expect(asv.statut).toBe('arrete');
    expect((await list({ date: '2017-06-01', statut: 'actif' })).keys).toEqual([
      'asvStEtienne',
      'clsStEtienne',
    ]);
    const in2012 = (await list({ date: '2012-06-01' })).body.items;
    expect(in2012.find((i: { id: string }) => i.id === ids.clsStEtienne).statut).toBe('en_projet');
    expect((await list({ date: '1999-01-01' })).total).toBe(0);
  });

  it('a dynamic starting on the asked date is included, the day before it is not', async () => {
    expect((await list({ date: '2020-06-01', type: 'CPTS' })).total).toBe(1);
    expect((await list({ date: '2020-05-31', type: 'CPTS' })).total).toBe(0);
  });

  it('freshness: à vérifier and à renouveler', async () => {
    const aVerifier = (await list({ fraicheur: 'a_verifier' })).keys;
    expect(aVerifier).toContain('clsStEtienne');
    expect(aVerifier).not.toContain('clsmMarseille');
    expect((await list({ fraicheur: 'a_renouveler' })).keys).toEqual(['clsStEtienne']);
  });

  it('text search ignores accents and case', async () => {
    const res = await t.app.inject({
      url: '/api/dynamiques',
      query: { q: `CLSMMARSÉILLE ${marker.toUpperCase()}` },
    });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([ids.clsmMarseille]);
  });

  it('paginates with a stable total', async () => {
    const p1 = await list({ limit: '2', page: '1' });
    const p2 = await list({ limit: '2', page: '2' });
    const p3 = await list({ limit: '2', page: '3' });
    expect(p1.total).toBe(4);
    expect(p3.total).toBe(4);
    expect(p3.keys).toEqual([]);
    expect([...p1.keys, ...p2.keys].sort()).toEqual([
      'asvStEtienne',
      'clsStEtienne',
      'clsmMarseille',
      'cptsEpci',
    ]);
  });

  it('CSV export follows the French Excel convention', async () => {
    const res = await t.app.inject({
      url: '/api/dynamiques',
      query: { q: marker, format: 'csv', type: 'CLS' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body.startsWith('\uFEFFid;type;nom;statut;communes')).toBe(true);
    expect(res.body).toContain(`;CLS;${marker} clsStEtienne;actif;42218;`);
  });

  it.each([
    ['unknown type', { type: 'CLS,XYZ' }, 'type'],
    ['unknown status', { statut: 'ferme' }, 'statut'],
    ['malformed territory', { territoire: 'commune-42218' }, 'territoire'],
    ['malformed date', { date: '01/03/2018' }, 'date'],
    ['bad region', { region: 'ARA' }, 'region'],
    ['limit too large', { limit: '5000' }, 'limit'],
    ['unknown format', { format: 'pdf' }, 'format'],
  ])('%s → 400 naming the field', async (_l, query, field) => {
    const res = await t.app.inject({ url: '/api/dynamiques', query });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().champs)).toContain(field);
  });
});
