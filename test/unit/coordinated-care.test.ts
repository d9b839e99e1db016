import { describe, expect, it } from 'vitest';
import { coordinatedCare } from '../../src/domain/analytics/coordinated-care.ts';
import type { AnalyticDynamic, CommuneInfo } from '../../src/domain/analytics/model.ts';
import type { DynamicKind } from '../../src/domain/registry/kinds.ts';

const commune = (code: string, population: number, arrondissement = false): CommuneInfo => ({
  code,
  nom: code,
  population,
  epci: 'E1',
  departement: 'D1',
  region: 'R1',
  arrondissement,
});

let n = 0;
const dyn = (
  type: DynamicKind,
  communes: string[],
  options: { siege?: string; stoppedOn?: string } = {},
): AnalyticDynamic => ({
  id: `${type}-${++n}`,
  type,
  nom: type,
  communes,
  periods: options.stoppedOn
    ? [
        { statut: 'actif', debut: '2015-01-01', fin: options.stoppedOn },
        { statut: 'arrete', debut: options.stoppedOn, fin: null },
      ]
    : [{ statut: 'actif', debut: '2015-01-01', fin: null }],
  coordination: [],
  liens: [],
  porteur: null,
  dateFin: null,
  version: 1,
  nomRecherche: type,
  verifieLe: null,
  siege: options.siege ?? null,
});

// 40,000 inhabitants in A, B, C and D; the arrondissement A1 is counted by A already.
const territory = [commune('A', 20_000), commune('B', 10_000), commune('C', 6_000), commune('D', 4_000)];
const withArrondissement = [...territory, commune('A1', 5_000, true)];

describe('coordinated care of a territory', () => {
  it('counts MSP and centres de santé per 10,000 inhabitants, live ones only', () => {
    const f = coordinatedCare(
      withArrondissement,
      [
        dyn('MSP', ['A']),
        dyn('MSP', ['B']),
        dyn('MSP', ['C'], { stoppedOn: '2019-01-01' }),
        dyn('CDS', ['D']),
        dyn('MSP', ['Z']),
      ],
      '2020-06-01',
    );
    expect(f.population).toBe(40_000);
    expect(f.msp).toBe(2);
    expect(f.mspPour10000).toBe(0.5);
    expect(f.centresDeSante).toBe(1);
    expect(f.centresDeSantePour10000).toBe(0.25);
  });

  it('a CPTS known by its seat only counts apart and covers no population', () => {
    const f = coordinatedCare(
      territory,
      [dyn('CPTS', ['A', 'B']), dyn('CPTS', [], { siege: 'C' }), dyn('CPTS', [], { siege: 'Z' })],
      '2020-06-01',
    );
    expect(f.cpts).toEqual({ total: 2, perimetreConnu: 1, siegeSeul: 1, partPopulationCouverte: 0.75 });
  });

  it('a CLS is articulated with a CPTS when they share a commune or the CLS holds its seat', () => {
    const f = coordinatedCare(
      territory,
      [
        dyn('CPTS', ['A']),
        dyn('CPTS', [], { siege: 'C' }),
        dyn('CLS', ['A', 'B']),
        dyn('CLS', ['C']),
        dyn('CLS', ['D']),
      ],
      '2020-06-01',
    );
    expect(f.cls).toEqual({ total: 3, avecCpts: 2, partAvecCpts: 2 / 3 });
  });

  it('an empty territory answers zeros and null densities, never a division by zero', () => {
    const f = coordinatedCare([], [dyn('MSP', ['A'])], '2020-06-01');
    expect(f).toMatchObject({ population: 0, msp: 0, mspPour10000: null, centresDeSantePour10000: null });
    expect(f.cpts.partPopulationCouverte).toBe(0);
    expect(f.cls.partAvecCpts).toBe(0);
  });
});
