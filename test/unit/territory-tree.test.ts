import { describe, expect, it } from 'vitest';
import { TerritoryTree } from '../../src/domain/territories/territory-tree.ts';
import type { TerritoryEntry } from '../../src/domain/territories/types.ts';

const c = (code: string, nom: string, extra: Partial<TerritoryEntry> = {}): TerritoryEntry => ({
  type: 'commune',
  code,
  nom,
  population: 100,
  departement: '01',
  region: '84',
  nature: 'commune_actuelle',
  ...extra,
});

const entries: TerritoryEntry[] = [
  { type: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes', population: 300 },
  { type: 'departement', code: '01', nom: 'Ain', population: 200, region: '84' },
  { type: 'departement', code: '73', nom: 'Savoie', population: 100, region: '84' },
  { type: 'epci', code: '200000001', nom: 'CC Deux Rives', population: 300 },
  c('73002', 'Savoyarde', { departement: '73', epci: '200000001' }),
  c('01015', 'Arboys en Bugey', { epci: '200000001' }),
  // A commune déléguée bearing the code of its chef-lieu, listed before it.
  c('01015', 'Arbignieu', { nature: 'commune_deleguee', communeParent: '01015', epci: '200000001' }),
  c('01340', 'Saint-Bois', { nature: 'commune_deleguee', communeParent: '01015' }),
  { type: 'qpv', code: 'QN00101M', nom: 'Les Côtes', population: 50, departement: '01', region: '84' },
];
const tree = new TerritoryTree(entries, [
  { qpv: 'QN00101M', commune: '01015' },
  { qpv: 'QN00101M', commune: '73002' },
]);
const refs = (list: { type: string; code: string }[]) => list.map((r) => `${r.type}:${r.code}`);

describe('TerritoryTree', () => {
  it('a code shared by a commune and its commune déléguée names the current commune', () => {
    const d = tree.detail('commune', '01015');
    expect(d?.nom).toBe('Arboys en Bugey');
    expect(refs(d?.parents ?? [])).toEqual(['epci:200000001', 'departement:01', 'region:84']);
    expect(refs(d?.enfants ?? [])).toEqual(['commune:01340', 'qpv:QN00101M']);
  });

  it('a QPV → its communes, département and région', () => {
    const d = tree.detail('qpv', 'QN00101M');
    expect(refs(d?.parents ?? [])).toEqual(['commune:01015', 'commune:73002', 'departement:01', 'region:84']);
  });

  it('a former commune has its commune nouvelle as first parent and no children', () => {
    const d = tree.detail('commune', '01340');
    expect(refs(d?.parents ?? [])).toEqual(['commune:01015', 'departement:01', 'region:84']);
    expect(d?.enfants).toEqual([]);
  });

  it('an EPCI lists its current communes by code, its départements then their région', () => {
    const d = tree.detail('epci', '200000001');
    expect(refs(d?.enfants ?? [])).toEqual(['commune:01015', 'commune:73002']);
    expect(refs(d?.parents ?? [])).toEqual(['departement:01', 'departement:73', 'region:84']);
  });

  it('région → départements, département → région and current communes', () => {
    expect(refs(tree.detail('region', '84')?.enfants ?? [])).toEqual(['departement:01', 'departement:73']);
    const dep = tree.detail('departement', '01');
    expect(refs(dep?.parents ?? [])).toEqual(['region:84']);
    expect(refs(dep?.enfants ?? [])).toEqual(['commune:01015']);
  });

  it('unknown codes give null', () => {
    expect(tree.detail('commune', '99999')).toBeNull();
    expect(tree.detail('epci', '200000002')).toBeNull();
  });
});
