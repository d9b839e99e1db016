import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotRepository } from '../../src/analytics/snapshot.repository.ts';
import { SnapshotCache } from '../../src/analytics/snapshot.ts';
import { SnapshotListSource } from '../../src/analytics/snapshot-list-source.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { FIXED_TERM_KINDS } from '../../src/domain/registry/kinds.ts';
import type { DynamicListFilters } from '../../src/domain/registry/list-filters.ts';
import { dynamicListQuery, dynamicInput as dynamicSchema } from '../../src/domain/registry/schemas.ts';
import { RegistryRepository } from '../../src/registry/registry.repository.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { type createTestApp, createTestApp as start } from '../helpers/context.ts';

/**
 * Lists are answered from memory (the analytics snapshot) when they can be: for every filter, the page
 * and the total must be exactly those of the SQL list.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let sqlList: RegistryRepository;
let memory: SnapshotListSource;
const marker = `memlist${process.pid}${Date.now().toString(36)}`;
const actor = systemActor('test');

// Deterministic variety: kinds, places (communes of two régions, an EPCI, a whole département),
// stops, verification days, end dates, names whose order depends on case and accents.
const KINDS = ['CLS', 'ASV', 'CLSM', 'CPTS', 'PTSM', 'MSP'] as const;
const PERIMETERS = [
  { communes: ['42218'] },
  { communes: ['13055', '13001'] },
  { epci: ['244200770'] },
  { departements: ['2A'] },
  { communes: ['69123', '69381'] },
  { communes: ['97411'] },
];
const NAMES = ['Été', 'ete', 'Zèbre', 'azur', 'Œuvre', 'B', 'b', 'Saint-Étienne', 'saint etienne'];

function record(i: number) {
  const stopped = i % 5 === 0;
  return dynamicSchema.parse(
    dynamicInput({
      nom: `${NAMES[i % NAMES.length]} ${marker} ${i}`,
      type: KINDS[i % KINDS.length],
      statut: undefined,
      perimetre: PERIMETERS[i % PERIMETERS.length],
      evenements: [
        { date: `${2010 + (i % 8)}-03-01`, type: 'creation', statut: i % 3 === 0 ? 'en_projet' : null },
        { date: `${2012 + (i % 8)}-06-15`, type: 'signature' },
        ...(stopped ? [{ date: '2021-01-01', type: 'arret' }] : []),
      ],
      dateFin: i % 4 === 0 ? `${2024 + (i % 5)}-12-31` : undefined,
      verification: i % 3 === 1 ? { date: `${2020 + (i % 7)}-05-02`, par: 'enquête' } : undefined,
    }),
  );
}

beforeAll(async () => {
  t = await start();
  sqlList = new RegistryRepository(t.ctx.database.db);
  const snapshots = new SnapshotRepository(t.ctx.database.db);
  memory = new SnapshotListSource(new SnapshotCache(snapshots), snapshots);
  for (let i = 0; i < 36; i += 1) await t.ctx.services.registry.create(actor, record(i));
});
afterAll(() => t.close());

function filters(over: Partial<DynamicListFilters>): DynamicListFilters {
  return {
    types: [],
    statuts: [],
    territoires: [],
    date: '2026-11-23',
    texte: [marker],
    fraicheur: null,
    today: '2026-11-23',
    echeance: null,
    verifyBefore: '2025-11-23',
    renewBefore: '2027-05-23',
    fixedTermKinds: [...FIXED_TERM_KINDS],
    tri: 'nom',
    page: 1,
    limit: 50,
    ...over,
  };
}

const CASES: [string, Partial<DynamicListFilters>][] = [
  ['no filter', {}],
  ['no filter, whole registry', { texte: [] }],
  ['page 2 of 7', { limit: 7, page: 2 }],
  ['page past the end', { limit: 10, page: 9 }],
  ['sorted by modification', { tri: 'modification' }],
  ['sorted by modification, page 3', { tri: 'modification', limit: 5, page: 3 }],
  ['types', { types: ['CLS', 'CLSM'] }],
  ['status today', { statuts: ['arrete'] }],
  ['status at a past date', { statuts: ['en_projet'], date: '2011-01-01' }],
  ['before anything existed', { date: '2005-01-01' }],
  ['région', { territoires: [{ type: 'region', code: '84' }] }],
  ['région at a date', { territoires: [{ type: 'region', code: '93' }], date: '2016-01-01' }],
  ['département with Corsica', { territoires: [{ type: 'departement', code: '2A' }] }],
  ['EPCI', { territoires: [{ type: 'epci', code: '244200770' }] }],
  ['EPCI of Lyon (arrondissement)', { territoires: [{ type: 'epci', code: '200046977' }] }],
  ['commune', { territoires: [{ type: 'commune', code: '42218' }] }],
  ['arrondissement', { territoires: [{ type: 'commune', code: '69381' }] }],
  ['DOM', { territoires: [{ type: 'region', code: '04' }] }],
  [
    'région and département together',
    {
      territoires: [
        { type: 'region', code: '84' },
        { type: 'departement', code: '42' },
      ],
    },
  ],
  ['two words', { texte: [marker, 'saint'] }],
  ['to verify', { fraicheur: 'a_verifier' }],
  ['to renew', { fraicheur: 'a_renouveler' }],
  ['status échue today', { statuts: ['echue'] }],
  ['status unknown at a past date', { statuts: ['inconnu'], date: '2011-01-01' }],
  ['renewals due within two years', { echeance: '2028-11-23' }],
  ['renewals due, by name, page 2', { echeance: '2030-12-31', limit: 2, page: 2 }],
  [
    'everything at once',
    { types: ['CLS'], statuts: ['actif'], territoires: [{ type: 'region', code: '84' }] },
  ],
];

describe('registry lists from memory', () => {
  it.each(CASES)('%s: same page and total as the database', async (_label, over) => {
    const f = filters(over);
    const fromSql = await sqlList.list(f);
    const fromMemory = await memory.list(f);
    expect(fromMemory).not.toBeNull();
    expect(fromMemory?.refs.map((r) => r.id)).toEqual(fromSql.rows.map((r) => r.id));
    expect(fromMemory?.refs.map((r) => r.version)).toEqual(fromSql.rows.map((r) => r.version));
    expect(fromMemory?.total).toBe(fromSql.total);
  });

  it('leaves quartiers prioritaires to the database', async () => {
    expect(await memory.list(filters({ territoires: [{ type: 'qpv', code: 'QN04201M' }] }))).toBeNull();
  });

  it('follows writes: a renamed record moves, a removed one leaves', async () => {
    const registry = t.ctx.services.registry;
    const before = await registry.list(actor, listQuery());
    const first = before.items[0];
    if (!first) throw new Error('liste vide');
    const renamed = { ...record(1), nom: `zzz ${marker} renommée` };
    await registry.update(actor, first.id, renamed, first.version);
    const moved = await registry.list(actor, listQuery());
    expect(moved.items.find((i) => i.id === first.id)).toMatchObject({
      nom: renamed.nom,
      version: first.version + 1,
    });
    expect(moved.items.findIndex((i) => i.id === first.id)).toBeGreaterThan(0);
    expect(moved.items.map((i) => i.id)).toEqual((await sqlList.list(filters({}))).rows.map((r) => r.id));
    const second = before.items[1];
    if (!second) throw new Error('liste trop courte');
    await registry.remove(actor, second.id, second.version);
    const after = await registry.list(actor, listQuery());
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(second.id);
    const fromSql = await sqlList.list(filters({}));
    expect(after.items.map((i) => i.id)).toEqual(fromSql.rows.map((r) => r.id));
  });
});

function listQuery() {
  return dynamicListQuery.parse({ q: marker });
}
