import { describe, expect, it } from 'vitest';
import { configurationLabel, configurationMatrix } from '../../src/domain/analytics/configurations.ts';
import { countByTerritory } from '../../src/domain/analytics/counts.ts';
import { coverageByKind, uncoveredCommunes } from '../../src/domain/analytics/coverage.ts';
import { evolutionBetween } from '../../src/domain/analytics/evolution.ts';
import { territoryGaps } from '../../src/domain/analytics/gaps.ts';
import type { AnalyticDynamic, CommuneInfo } from '../../src/domain/analytics/model.ts';
import { placesOf } from '../../src/domain/analytics/places.ts';
import { qpvCoverage } from '../../src/domain/analytics/qpv-coverage.ts';
import type { DynamicKind } from '../../src/domain/registry/kinds.ts';

const dyn = (
  id: string,
  type: DynamicKind,
  communes: string[],
  from = '2010-01-01',
  stop: string | null = null,
  extra: Partial<AnalyticDynamic> = {},
): AnalyticDynamic => ({
  id,
  type,
  nom: `${type} ${id}`,
  communes,
  periods: stop
    ? [
        { statut: 'actif', debut: from, fin: stop },
        { statut: 'arrete', debut: stop, fin: null },
      ]
    : [{ statut: 'actif', debut: from, fin: null }],
  coordination: [{ intitule: 'Coordination', financeurs: [], vacant: false }],
  liens: [],
  porteur: null,
  dateFin: null,
  version: 1,
  nomRecherche: `${type.toLowerCase()} ${id}`,
  verifieLe: null,
  ...extra,
});

const commune = (code: string, population: number, departement = '42', region = '84'): CommuneInfo => ({
  code,
  nom: code,
  population,
  epci: null,
  departement,
  region,
});

function matrix(all: AnalyticDynamic[], base: DynamicKind, avec: DynamicKind[], date = '2018-03-01') {
  const byCommune = new Map<string, AnalyticDynamic[]>();
  for (const d of all) for (const c of d.communes) byCommune.set(c, [...(byCommune.get(c) ?? []), d]);
  return configurationMatrix({ base, avec, date, bases: all, byCommune: (c) => byCommune.get(c) ?? [] });
}

describe('configuration matrix', () => {
  const all = [
    dyn('cv1', 'CONTRAT_VILLE', ['A', 'B']),
    dyn('cv2', 'CONTRAT_VILLE', ['C']),
    dyn('cv3', 'CONTRAT_VILLE', ['D', 'E']),
    dyn('cv4', 'CONTRAT_VILLE', ['F']),
    dyn('asv1', 'ASV', ['A']), // partly overlaps cv1
    dyn('cls1', 'CLS', ['B', 'Z']), // overlaps cv1 on B only
    dyn('cls2', 'CLS', ['C']),
    dyn('asv3', 'ASV', ['D'], '2010-01-01', '2017-12-31'), // stopped before the date
    dyn('clsm4', 'CLSM', ['F'], '2018-03-01'), // starts on the asked date
  ];

  it('has one entry per combination, zeros included, and French labels', () => {
    const { total, configurations } = matrix(all, 'CONTRAT_VILLE', ['ASV', 'CLS']);
    expect(total).toBe(4);
    expect(configurations.map((c) => [c.libelle, c.nombre])).toEqual([
      ['CV sans aucun dispositif santé', 2],
      ['CV + ASV seulement', 0],
      ['CV + CLS seulement', 1],
      ['CV + ASV et CLS', 1],
    ]);
    expect(configurations[3]?.dynamiques).toEqual(['cv1']);
    expect(configurations[0]?.dynamiques.sort()).toEqual(['cv3', 'cv4']);
  });

  it('a dynamic starting on the date counts, one stopped before does not', () => {
    const { configurations } = matrix(all, 'CONTRAT_VILLE', ['ASV', 'CLSM']);
    const clsmOnly = configurations.find((c) => c.libelle === 'CV + CLSM seulement');
    expect(clsmOnly?.dynamiques).toEqual(['cv4']);
    const none = configurations.find((c) => c.avec.length === 0);
    expect(none?.dynamiques.sort()).toEqual(['cv2', 'cv3']);
    expect(matrix(all, 'CONTRAT_VILLE', ['CLSM'], '2018-02-28').configurations[1]?.nombre).toBe(0);
  });

  it('works for any base and kinds', () => {
    const { total, configurations } = matrix(all, 'CLS', ['ASV', 'CONTRAT_VILLE']);
    expect(total).toBe(2);
    expect(configurations.find((c) => c.libelle === 'CLS + CV seulement')?.dynamiques.sort()).toEqual([
      'cls1',
      'cls2',
    ]);
    expect(configurations.find((c) => c.avec.length === 2)?.nombre).toBe(0);
    expect(configurations).toHaveLength(4);
  });

  it('labels lists with commas and "et"/"ni"', () => {
    expect(configurationLabel('CONTRAT_VILLE', ['ASV', 'CLS', 'CLSM'], ['ASV', 'CLS', 'CLSM'])).toBe(
      'CV + ASV, CLS et CLSM',
    );
    expect(configurationLabel('CPTS', ['CLS', 'CLSM'], [])).toBe('CPTS sans CLS ni CLSM');
  });
});

describe('coverage', () => {
  const territory = [commune('A', 1000), commune('B', 3000), commune('C', 6000)];
  it('counts communes and population covered per kind, ignoring communes outside', () => {
    const cov = coverageByKind(
      territory,
      [dyn('1', 'CLS', ['A', 'Z']), dyn('2', 'CLS', ['A', 'B'])],
      ['CLS', 'ASV'],
      '2020-01-01',
    );
    expect(cov.CLS).toEqual({
      communes: 2,
      population: 4000,
      partCommunes: 2 / 3,
      partPopulation: 0.4,
      communesIncertaines: 0,
      populationIncertaine: 0,
    });
    expect(cov.ASV?.communes).toBe(0);
  });
  it('zones blanches are the communes no kind covers', () => {
    const white = uncoveredCommunes(territory, [dyn('1', 'CLS', ['A'])], ['CLS'], '2020-01-01');
    expect(white.map((c) => c.code)).toEqual(['B', 'C']);
  });
});

describe('counts', () => {
  it('counts a dynamic once in each territory it touches', () => {
    const communes = new Map([
      ['A', commune('A', 1, '42', '84')],
      ['B', commune('B', 1, '69', '84')],
      ['C', commune('C', 1, '13', '93')],
    ]);
    const departements = (d: AnalyticDynamic) => placesOf(d.communes, (c) => communes.get(c)).departement;
    const regionsOf = (d: AnalyticDynamic) => placesOf(d.communes, (c) => communes.get(c)).region;
    const rows = countByTerritory(
      [dyn('1', 'CLS', ['A', 'B']), dyn('2', 'CLS', ['C'], '2010-01-01', '2015-01-01')],
      departements,
      '2020-01-01',
      () => true,
      null,
    );
    expect(rows).toEqual([
      { territoire: '13', type: 'CLS', statut: 'arrete', nombre: 1 },
      { territoire: '42', type: 'CLS', statut: 'actif', nombre: 1 },
      { territoire: '69', type: 'CLS', statut: 'actif', nombre: 1 },
    ]);
    const regions = countByTerritory(
      [dyn('1', 'CLS', ['A', 'B'])],
      regionsOf,
      '2020-01-01',
      (t) => t === '84',
      ['CLS'],
    );
    expect(regions).toEqual([{ territoire: '84', type: 'CLS', statut: 'actif', nombre: 1 }]);
  });
});

describe('evolution', () => {
  it('lists creations, stops, status and coordination changes and net counts', () => {
    const vacantLater = dyn('c', 'CLSM', ['A'], '2010-01-01', null, {
      coordination: [{ intitule: 'Coord', financeurs: [], vacant: false, fin: '2018-06-30' }],
    });
    const suspended = dyn('d', 'ASV', ['A'], '2010-01-01', null, {
      periods: [
        { statut: 'actif', debut: '2010-01-01', fin: '2019-01-01' },
        { statut: 'suspendu', debut: '2019-01-01', fin: null },
      ],
    });
    const res = evolutionBetween(
      [
        dyn('a', 'CLS', ['A'], '2018-06-01'),
        dyn('b', 'ASV', ['A'], '2010-01-01', '2018-12-31'),
        vacantLater,
        suspended,
      ],
      '2018-01-01',
      '2020-01-01',
    );
    expect(res.creees.map((d) => d.id)).toEqual(['a']);
    expect(res.arretees.map((d) => d.id)).toEqual(['b']);
    expect(res.changements.map((c) => [c.id, c.nature, c.apres])).toEqual([
      ['d', 'statut', 'suspendu'],
      ['c', 'coordination', 'sans coordination'],
    ]);
    expect(res.solde).toEqual({ CLS: 1, ASV: -1, CLSM: 0 });
  });
});

describe('gaps', () => {
  it('names missing CLS, CPTS without CLS, CV without ASV nor CLS and CLSM without coordination', () => {
    const clsm = dyn('m', 'CLSM', ['A'], '2010-01-01', null, {
      coordination: [{ intitule: 'x', financeurs: [], vacant: true }],
    });
    const gaps = territoryGaps(
      [dyn('p', 'CPTS', ['A']), dyn('v', 'CONTRAT_VILLE', ['B']), clsm],
      {},
      '2020-01-01',
    );
    expect(gaps).toEqual([
      'aucun CLS ne couvre ce territoire',
      'CPTS sans CLS : CPTS p',
      'contrat de ville sans ASV ni CLS : CONTRAT_VILLE v',
      'CLSM sans coordination : CLSM m',
    ]);
  });
});

describe('qpvCoverage', () => {
  const qpvs = [
    { code: 'QN04201M', nom: 'Montreynaud', population: 6000, communes: ['42218'] },
    { code: 'QN04202M', nom: 'Crêt de Roch', population: null, communes: ['42218'] },
    { code: 'QN04203M', nom: 'Quartier intercommunal', population: 1500, communes: ['42095', '42184'] },
  ];

  it('counts the QPV reached through any of their communes, per kind, live dynamics only', () => {
    const figures = qpvCoverage(
      qpvs,
      [
        dyn('a', 'CLS', ['42218']),
        dyn('b', 'ASV', ['42184']),
        dyn('c', 'CLSM', ['42218', '42095'], '2010-01-01', '2015-01-01'),
      ],
      ['CLS', 'ASV', 'CLSM'],
      '2020-06-01',
    );
    expect(figures.nombre).toBe(3);
    expect(figures.population).toBe(7500);
    expect(figures.populationConnue).toBe(2);
    expect(figures.couverture.CLS).toEqual({ qpv: 2, part: 2 / 3, population: 6000 });
    expect(figures.couverture.ASV).toEqual({ qpv: 1, part: 1 / 3, population: 1500 });
    expect(figures.couverture.CLSM).toEqual({ qpv: 0, part: 0, population: null });
  });

  it('a stopped dynamic still counts on a date when it was live', () => {
    const figures = qpvCoverage(
      qpvs,
      [dyn('c', 'CLSM', ['42095'], '2010-01-01', '2015-01-01')],
      ['CLSM'],
      '2012-01-01',
    );
    expect(figures.couverture.CLSM).toEqual({ qpv: 1, part: 1 / 3, population: 1500 });
  });

  it('no QPV: zero everywhere, populations unknown', () => {
    expect(qpvCoverage([], [dyn('a', 'CLS', ['42218'])], ['CLS'], '2020-01-01')).toEqual({
      nombre: 0,
      population: null,
      populationConnue: 0,
      couverture: { CLS: { qpv: 0, part: 0, population: null } },
    });
  });
});

describe('unknown and échue statuses, counted apart', () => {
  // Observed on 2018-03-01 (unknown before); its term ended on 2020-12-31 (échue after).
  const observed = (id: string, type: DynamicKind, communes: string[]) =>
    dyn(id, type, communes, '2010-01-01', null, {
      periods: [
        { statut: 'inconnu', debut: '0001-01-01', fin: '2018-03-01' },
        { statut: 'actif', debut: '2018-03-01', fin: '2021-01-01' },
        { statut: 'echue', debut: '2021-01-01', fin: null },
      ],
    });
  const cv = observed('cv', 'CONTRAT_VILLE', ['A']);
  const cls = observed('cls', 'CLS', ['A', 'B']);
  const asv = dyn('asv', 'ASV', ['A'], '2015-01-01');

  it('counts give unknown and échue rows of their own', () => {
    const at = (date: string) =>
      countByTerritory(
        [cls],
        () => ['84'],
        date,
        () => true,
        null,
      ).map((r) => [r.statut, r.nombre]);
    expect(at('2017-01-01')).toEqual([['inconnu', 1]]);
    expect(at('2019-01-01')).toEqual([['actif', 1]]);
    expect(at('2022-01-01')).toEqual([['echue', 1]]);
  });

  it('the configuration matrix leaves them out and names them apart', () => {
    const before = matrix([cv, cls, asv], 'CONTRAT_VILLE', ['ASV', 'CLS'], '2017-01-01');
    expect(before.total).toBe(0);
    expect(before.aPart).toEqual({ inconnu: ['cv'], echue: [] });
    const during = matrix([cv, cls, asv], 'CONTRAT_VILLE', ['ASV', 'CLS'], '2019-01-01');
    expect(during.configurations.find((c) => c.avec.length === 2)?.dynamiques).toEqual(['cv']);
    // An échue CLS is not "present" beside the contract any more.
    const after = matrix(
      [dyn('cv2', 'CONTRAT_VILLE', ['A']), cls, asv],
      'CONTRAT_VILLE',
      ['ASV', 'CLS'],
      '2022-01-01',
    );
    expect(after.configurations.find((c) => c.dynamiques.includes('cv2'))?.avec).toEqual(['ASV']);
  });

  it('coverage counts communes reached only by échue or unknown dynamics apart', () => {
    const territory = [commune('A', 100), commune('B', 50)];
    const cov = coverageByKind(territory, [cls, asv], ['CLS', 'ASV'], '2022-01-01');
    expect(cov.CLS).toMatchObject({ communes: 0, communesIncertaines: 2, populationIncertaine: 150 });
    expect(cov.ASV).toMatchObject({ communes: 1, communesIncertaines: 0 });
  });

  it('evolution lists unknown statuses apart, and an échue term as a change, not a stop', () => {
    const early = evolutionBetween([cls, asv], '2016-01-01', '2019-01-01');
    expect(early.inconnues.map((i) => i.id)).toEqual(['cls']);
    expect(early.creees).toEqual([]);
    const late = evolutionBetween([cls], '2019-01-01', '2022-01-01');
    expect(late.arretees).toEqual([]);
    expect(late.changements).toMatchObject([{ id: 'cls', nature: 'statut', avant: 'actif', apres: 'echue' }]);
    expect(late.solde.CLS).toBe(-1);
  });
});
