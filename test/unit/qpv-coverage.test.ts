import { describe, expect, it } from 'vitest';
import type { AnalyticDynamic } from '../../src/domain/analytics/model.ts';
import { qpvFigures } from '../../src/domain/analytics/qpv-coverage.ts';
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

  it('a QPV is covered when each of its communes is in a live dynamic of the kind', () => {
    const f = qpvFigures(list, [dyn('CLS', ['A']), dyn('CLS', ['C'])], ['CLS', 'ASV'], '2020-01-01');
    expect(f.nombre).toBe(3);
    expect(f.couverture.CLS).toMatchObject({ nombre: 2, part: 2 / 3 });
    expect(f.couverture.ASV).toMatchObject({ nombre: 0, part: 0 });
  });

  it('populations are summed over the QPV that have one, and the covered share is of those', () => {
    const f = qpvFigures(list, [dyn('CLS', ['A', 'B'])], ['CLS'], '2020-01-01');
    expect(f.population).toBe(4000);
    expect(f.populationConnue).toBe(2);
    expect(f.couverture.CLS).toEqual({ nombre: 2, part: 2 / 3, population: 4000, partPopulation: 1 });
  });

  it('a stopped dynamic covers nothing after its stop; no known population gives null', () => {
    const unknown = [qpv('Q3', ['C'])];
    const f = qpvFigures(unknown, [dyn('ASV', ['C'], '2018-01-01')], ['ASV'], '2020-01-01');
    expect(f).toEqual({
      nombre: 1,
      population: null,
      populationConnue: 0,
      couverture: { ASV: { nombre: 0, part: 0, population: null, partPopulation: null } },
    });
    expect(
      qpvFigures(unknown, [dyn('ASV', ['C'], '2018-01-01')], ['ASV'], '2017-01-01').couverture.ASV?.nombre,
    ).toBe(1);
  });
});
