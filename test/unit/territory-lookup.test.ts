import { describe, expect, it } from 'vitest';
import { boundedDistance, closestNames, epciKey } from '../../src/domain/registry/name-suggestions.ts';
import { TerritoryLookup } from '../../src/domain/registry/territory-lookup.ts';

const lookup = new TerritoryLookup({
  communes: [
    { code: '42218', nom: 'Saint-Étienne', departement: '42', current: true, parent: null },
    { code: '42095', nom: 'Firminy', departement: '42', current: true, parent: null },
    { code: '63113', nom: 'Clermont-Ferrand', departement: '63', current: true, parent: null },
    { code: '60157', nom: 'Clermont', departement: '60', current: true, parent: null },
  ],
  epci: [
    { code: '200065928', nom: 'CC de Forez-Est' },
    { code: '244200770', nom: 'Saint-Étienne Métropole' },
    { code: '246300701', nom: 'Clermont Auvergne Métropole' },
    { code: '200066587', nom: 'CC des Monts du Pilat' },
  ],
  departements: [
    { code: '42', nom: 'Loire' },
    { code: '60', nom: 'Oise' },
    { code: '63', nom: 'Puy-de-Dôme' },
  ],
});

describe('tolerant names in imports', () => {
  it('an EPCI is found with or without its legal form, in full or abbreviated', () => {
    expect(lookup.epci('CC de Forez-Est')).toEqual({ code: '200065928' });
    expect(lookup.epci('Forez Est')).toEqual({ code: '200065928' });
    expect(lookup.epci('Communauté de communes de Forez-Est')).toEqual({ code: '200065928' });
    expect(lookup.epci('cc des monts du pilat')).toEqual({ code: '200066587' });
    expect(lookup.epci('Monts du Pilat (200066587)')).toEqual({ code: '200066587' });
  });

  it('a commune is found by the INSEE code in brackets after its name', () => {
    expect(lookup.commune('Saint-Étienne (42218)')).toEqual({ code: '42218' });
    expect(lookup.commune('Clermont (63)')).toEqual({ error: expect.stringContaining('commune inconnue') });
  });

  it('an unknown name is answered with up to three close names', () => {
    const commune = lookup.commune('Firmini');
    expect('error' in commune && commune.error).toContain('vouliez-vous dire : Firminy (42095, Loire 42)');
    const epci = lookup.epci('CA Forez Estt');
    expect('error' in epci && epci.error).toContain('CC de Forez-Est (200065928)');
    const far = lookup.commune('Zzyzx');
    expect('error' in far && far.error).not.toContain('vouliez-vous dire');
  });

  it('suggestions are limited to the département given', () => {
    const r = lookup.commune('Clermon (60)');
    expect('error' in r && r.error).toContain('Clermont (60157');
    expect('error' in r && r.error).not.toContain('63113');
  });
});

describe('name distance helpers', () => {
  it('epciKey drops the legal form and the particles after it', () => {
    expect(epciKey('Communauté d’agglomération du Grand Annecy')).toBe('grand annecy');
    expect(epciKey('CA Grand Annecy')).toBe('grand annecy');
    expect(epciKey('Métropole de Lyon')).toBe('lyon');
  });

  it('boundedDistance counts edits and gives up past the bound', () => {
    expect(boundedDistance('firminy', 'firmini', 2)).toBe(1);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('closestNames puts the nearest first and keeps three at most', () => {
    const names = ['roanne', 'rouanne', 'roannes', 'rouen', 'riorges'];
    expect(closestNames('roanne', names, (n) => n)).toEqual(['roanne', 'roannes', 'rouanne']);
  });
});
