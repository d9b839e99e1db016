import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import type { InMemoryPerimeters } from '../../src/registry/in-memory-perimeters.ts';
import { PerimeterRepository } from '../../src/registry/perimeter.repository.ts';
import { createTestContext } from '../helpers/context.ts';

let ctx: AppContext;
let sql: PerimeterRepository;
let memory: InMemoryPerimeters;

beforeAll(async () => {
  ctx = await createTestContext();
  sql = new PerimeterRepository(ctx.database.db);
  memory = await sql.inMemory();
});
afterAll(() => ctx.close());

const sorted = (s: Set<string> | string[]) => [...s].sort();

// Imports of many rows check perimeters against the reference read once: same answers as the SQL.
describe('perimeter checks from the reference in memory', () => {
  // Saint-Étienne, Lyon and one of its arrondissements, a former commune (Annecy-le-Vieux), unknowns.
  const communes = ['42218', '69123', '69381', '74011', '99999', '2A004', '97411'];
  const epci = ['200066587', '242900314', '123456789'];
  const departements = ['42', '2A', '971', '99'];

  it('knows the same communes, EPCI and départements', async () => {
    expect(sorted(await memory.knownCommunes(communes))).toEqual(sorted(await sql.knownCommunes(communes)));
    expect(sorted(await memory.knownCommunes(communes))).toContain('69381');
    expect(sorted(await memory.knownEpci(epci))).toEqual(sorted(await sql.knownEpci(epci)));
    expect(sorted(await memory.knownDepartements(departements))).toEqual(
      sorted(await sql.knownDepartements(departements)),
    );
    expect(sorted(await memory.knownDepartements(departements))).toEqual(['2A', '42', '971']);
  });

  it('expands EPCI and départements into the same current communes', async () => {
    const fromEpci = await memory.communesOfEpci(epci);
    expect(sorted(fromEpci)).toEqual(sorted(await sql.communesOfEpci(epci)));
    expect(fromEpci.length).toBeGreaterThan(10);
    const fromDeps = await memory.communesOfDepartements(['42', '2A']);
    expect(sorted(fromDeps)).toEqual(sorted(await sql.communesOfDepartements(['42', '2A'])));
    expect(fromDeps).not.toContain('69381');
  });

  it('answers QPV like the SQL, loaded layer or not', async () => {
    const codes = ['QN04201M', 'QN00000X'];
    const a = await memory.qpvCommunes(codes);
    const b = await sql.qpvCommunes(codes);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});
