import { describe, expect, it } from 'vitest';
import type { AnalyticDynamic } from '../../src/domain/analytics/model.ts';
import { qpvCoverage } from '../../src/domain/analytics/qpv-coverage.ts';
import type { DynamicKind } from '../../src/domain/registry/kinds.ts';

const dyn = (type: DynamicKind, communes: string[], stop: string | null = null): AnalyticDynamic => ({
  id: `${type}-${communes.join('-')}`,
  type,
  nom: type,
  communes,
  periods: stop
    ? [
        { statut: 'actif', debut: '2015-01-01', fin: stop },
        { statut: 'arrete', debut: stop, fin: null },
      ]
    : [{ statut: 'actif', debut: '2015-01-01', fin: null }],
  coordination: [],
  liens: [],
  porteur: null,
  dateFin: null,
  version: 1,
  nomRecherche: type,
  verifieLe: null,
});

const qpv = (code: string, communes: string[], population: number | null = null) => ({
  code,
  nom: code,
  population,
  communes,
});

describe('QPV figures of a territory', () => {
  const list = [qpv('Q1', ['A'], 3000), qpv('Q2', ['A', 'B'], 1000), qpv('Q3', ['C'])];

  it('a QPV is reached when one of its communes is in a live dynamic of the kind', () => {
    const f = qpvCoverage(list, [dyn('CLS', ['B']), dyn('CLS', ['C'])], ['CLS', 'ASV'], '2020-01-01');
    expect(f.nombre).toBe(3);
    expect(f.couverture.CLS).toMatchObject({ qpv: 2, part: 2 / 3 });
    expect(f.couverture.ASV).toMatchObject({ qpv: 0, part: 0 });
  });

  it('populations are summed over the QPV that have one, for the territory and for those reached', () => {
    const f = qpvCoverage(list, [dyn('CLS', ['B'])], ['CLS'], '2020-01-01');
    expect(f.population).toBe(4000);
    expect(f.populationConnue).toBe(2);
    expect(f.couverture.CLS).toEqual({ qpv: 1, part: 1 / 3, population: 1000 });
  });

  it('a stopped dynamic reaches nothing after its stop; no known population gives null', () => {
    const unknown = [qpv('Q3', ['C'])];
    const f = qpvCoverage(unknown, [dyn('ASV', ['C'], '2018-01-01')], ['ASV'], '2020-01-01');
    expect(f).toEqual({
      nombre: 1,
      population: null,
      populationConnue: 0,
      couverture: { ASV: { qpv: 0, part: 0, population: null } },
    });
    expect(
      qpvCoverage(unknown, [dyn('ASV', ['C'], '2018-01-01')], ['ASV'], '2017-01-01').couverture.ASV?.qpv,
    ).toBe(1);
  });
});
