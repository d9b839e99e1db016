import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatus } from '../../src/db/migrate.ts';
import { importCog } from '../../src/reference/cog/import-cog.ts';
import { ReferenceRepository } from '../../src/reference/reference.repository.ts';
import { createTestApp } from '../helpers/context.ts';

const require = createRequire(import.meta.url);
const pkg = (file: string) => require(`@etalab/decoupage-administratif/data/${file}`) as { type?: string }[];

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('migrations', () => {
  it('are idempotent: a second run applies nothing and every file is recorded', async () => {
    expect(await migrate(t.ctx.database.db)).toEqual([]);
    const status = await migrationStatus(t.ctx.database.db);
    expect(status.length).toBeGreaterThan(0);
    expect(status.every((m) => m.appliedAt !== null)).toBe(true);
  });
});

describe('administrative reference', () => {
  it('counts equal the package’s', async () => {
    const health = (await t.app.inject('/api/health')).json();
    expect(health.reference.regions).toBe(pkg('regions.json').length);
    expect(health.reference.departements).toBe(pkg('departements.json').length);
    expect(health.reference.epci).toBe(pkg('epci.json').length);
    const communes = pkg('communes.json');
    expect(health.reference.communes).toBe(communes.filter((c) => c.type === 'commune-actuelle').length);
    const { rows } = await sql<{ nature: string; n: number }>`
      select nature, count(*) as n from commune group by nature order by nature`.execute(t.ctx.database.db);
    const byNature = Object.fromEntries(rows.map((r) => [r.nature, r.n]));
    for (const [raw, nature] of [
      ['commune-deleguee', 'commune_deleguee'],
      ['commune-associee', 'commune_associee'],
      ['arrondissement-municipal', 'arrondissement_municipal'],
    ]) {
      expect(byNature[nature as string]).toBe(communes.filter((c) => c.type === raw).length);
    }
  });

  it('every EPCI member commune points back to its EPCI', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from commune where nature = 'commune_actuelle' and epci is not null`.execute(
      t.ctx.database.db,
    );
    const members = (pkg('epci.json') as unknown as { membres: unknown[] }[]).reduce(
      (s, e) => s + e.membres.length,
      0,
    );
    expect(rows[0]?.n).toBe(members);
  });

  it('a second import of the same vintage is skipped', async () => {
    const result = await importCog(new ReferenceRepository(t.ctx.database.db));
    expect(result.skipped).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('is generated from the validation schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const search = doc.paths['/api/territoires'].get;
    const names = search.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['q', 'type', 'limit']));
    const type = search.parameters.find((p: { name: string }) => p.name === 'type');
    expect(type.schema.enum).toEqual(['region', 'departement', 'epci', 'commune', 'qpv']);
    expect(doc.paths['/api/territoires/{type}/{code}']).toBeDefined();
    expect(doc.paths['/api/dynamiques'].post.requestBody).toBeDefined();
  });
});

describe('unknown routes', () => {
  it('answer a French 404 in JSON', async () => {
    const res = await t.app.inject('/api/nexistepas');
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/introuvable/);
  });
});
