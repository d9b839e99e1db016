import { describe, expect, it } from 'vitest';
import { levelBelow, readScope, scopeAddress, scopeParams } from '../../web/src/pages/analyses/scope.ts';

describe('scope of the analyses page', () => {
  it('reads an EPCI or a commune from the address and sends it as territoire', () => {
    const epci = readScope('?epci=244200770&date=2020-01-01');
    expect(epci).toEqual({ epci: '244200770', date: '2020-01-01' });
    expect(scopeParams(epci)).toEqual({ territoire: 'epci:244200770', date: '2020-01-01' });
    expect(scopeAddress(epci)).toBe('/analyses?epci=244200770&date=2020-01-01');
    expect(levelBelow(epci)).toBe('commune');
    expect(scopeParams(readScope('?commune=2A004'))).toEqual({
      territoire: 'commune:2A004',
      date: undefined,
    });
  });

  it('keeps the narrowest valid territory and ignores malformed codes', () => {
    expect(readScope('?region=84&commune=42218')).toEqual({ commune: '42218' });
    expect(readScope('?epci=12&departement=42')).toEqual({ departement: '42' });
    expect(scopeParams(readScope('?region=84'))).toEqual({
      region: '84',
      departement: undefined,
      date: undefined,
    });
  });
});
