import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const SAINT_ETIENNE_METROPOLE = '244200770';
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const made = {
    cls: dynamicInput({ type: 'CLS', perimetre: { communes: ['42218'] }, dateDebut: '2014-01-01' }),
    clsm: dynamicInput({ type: 'CLSM', perimetre: { communes: ['42095'] }, dateDebut: '2016-01-01' }),
    asv: dynamicInput({ type: 'ASV', perimetre: { communes: ['69123'] }, dateDebut: '2010-01-01' }),
  };
  for (const [key, payload] of Object.entries(made)) {
    const res = await t.app.inject({ method: 'POST', url: '/api/dynamiques', payload });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  }
});
afterAll(() => t.close());

const get = (url: string, query: Record<string, string>) => t.app.inject({ url, query });

describe('analyses for any territory (territoire=type:code)', () => {
  it('counts only the départements an EPCI lies in', async () => {
    const res = await get('/api/analyses/comptages', {
      niveau: 'departement',
      territoire: `epci:${SAINT_ETIENNE_METROPOLE}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(new Set(body.items.map((i: { territoire: { code: string } }) => i.territoire.code))).toEqual(
      new Set(['42']),
    );
    const clsm = body.items.filter((i: { type: string }) => i.type === 'CLSM');
    expect(clsm.reduce((n: number, i: { nombre: number }) => n + i.nombre, 0)).toBeGreaterThanOrEqual(1);
    expect(body.declares).toEqual([]);
  });

  it('covers the communes of the EPCI only, commune by commune', async () => {
    const res = await get('/api/analyses/couverture', {
      niveau: 'commune',
      types: 'CLS,CLSM',
      territoire: `epci:${SAINT_ETIENNE_METROPOLE}`,
      format: 'json',
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      territoire: { code: string };
      type: string;
      partPopulation: number;
    }[];
    const communes = new Set(items.map((i) => i.territoire.code));
    expect(communes.size).toBeGreaterThan(40);
    expect([...communes].every((c) => c.startsWith('42'))).toBe(true);
    const firminy = items.find((i) => i.territoire.code === '42095' && i.type === 'CLSM');
    expect(firminy?.partPopulation).toBe(1);
  });

  it('follows a commune in the evolution and the configuration matrix', async () => {
    const evolution = await get('/api/analyses/evolution', {
      territoire: 'commune:69123',
      depuis: '2009-01-01',
    });
    expect(evolution.statusCode, evolution.body).toBe(200);
    expect(JSON.stringify(evolution.json())).toContain(ids.asv);
    expect(JSON.stringify(evolution.json())).not.toContain(ids.cls);
    const matrix = await get('/api/analyses/configurations', {
      base: 'CLS',
      avec: 'CLSM',
      territoire: 'commune:42218',
    });
    expect(matrix.statusCode, matrix.body).toBe(200);
    expect(Object.keys(matrix.json().noms)).toContain(ids.cls);
  });

  it('names a malformed territory and answers 404 for an unknown one', async () => {
    const bad = await get('/api/analyses/comptages', { territoire: 'canton:4201' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().champs)).toEqual(['territoire']);
    const unknown = await get('/api/analyses/comptages', { territoire: 'epci:999999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().erreur).toBe('Aucun EPCI avec le code « 999999999 »');
  });
});
