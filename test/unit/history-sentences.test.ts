import { describe, expect, it } from 'vitest';
import { describeFieldChange } from '../../src/domain/registry/history-sentences.ts';

describe('history of a dynamic in French sentences', () => {
  it('a status change, dated', () => {
    expect(describeFieldChange('statut', 'en_projet', 'actif', '2024-03-12T10:00:00Z')).toBe(
      'en projet → active au 12 mars 2024',
    );
    expect(describeFieldChange('statut', null, 'arrete')).toBe('déduit des événements → arrêtée');
  });

  it('a perimeter change counts what was added and removed, by level', () => {
    const before = { communes: ['42218'], epci: [], departements: [], qpv: [] };
    const after = { communes: ['42218', '42095', '42207'], epci: ['200040590'], departements: [], qpv: [] };
    expect(describeFieldChange('perimetre', before, after)).toBe(
      '+ 2 communes (42095, 42207) ; + EPCI 200040590',
    );
    expect(describeFieldChange('perimetre', after, before)).toBe(
      '− 2 communes (42095, 42207) ; − EPCI 200040590',
    );
  });

  it('names territories and linked dynamics when the history gives their names', () => {
    const names = {
      '42095': 'Firminy',
      '42207': 'Roche-la-Molière',
      '200040590': 'CC de Forez-Est',
      x1: 'CLS de Roanne',
    };
    const before = { communes: [], epci: [], departements: [], qpv: [] };
    const after = { communes: ['42095', '42207'], epci: ['200040590'], departements: [], qpv: [] };
    expect(describeFieldChange('perimetre', before, after, undefined, names)).toBe(
      '+ 2 communes (Firminy (42095), Roche-la-Molière (42207)) ; + EPCI CC de Forez-Est (200040590)',
    );
    const link = { type: 'volet_sante_mentale_de', cible: 'x1' };
    expect(describeFieldChange('liens', [], [link], undefined, names)).toBe(
      '+ volet santé mentale de « CLS de Roanne »',
    );
    expect(describeFieldChange('liens', [link], [], undefined, {})).toBe('− volet santé mentale de x1');
  });

  it('events, posts and contacts added or removed, in words', () => {
    const signature = { date: '2013-05-01', type: 'signature', statut: null, note: '' };
    const renewal = { date: '2019-01-01', type: 'renouvellement', statut: 'actif', note: 'CLS 2' };
    expect(describeFieldChange('evenements', [signature], [signature, renewal])).toBe(
      '+ renouvellement au 1er janvier 2019 (active) — « CLS 2 »',
    );
    const post = { intitule: 'Coordinatrice CLS', etp: 0.5, financeurs: ['ARS', 'Ville'], vacant: false };
    expect(describeFieldChange('coordination', [post], [])).toBe(
      '− « Coordinatrice CLS » (0,5 ETP, financé par ARS, Ville)',
    );
    expect(
      describeFieldChange('contacts', [], [{ nom: 'Léa Martin', role: 'coordinatrice', public: true }]),
    ).toBe('+ « Léa Martin » (coordinatrice)');
  });

  it('plain values and dates, never JSON', () => {
    expect(describeFieldChange('nom', 'CLS A', 'CLS B')).toBe('« CLS A » → « CLS B »');
    expect(describeFieldChange('dateFin', null, '2030-12-31')).toBe('(vide) → 31 décembre 2030');
    expect(describeFieldChange('verification', { date: '2018-03-01', par: 'enquête' }, null)).toBe(
      '1er mars 2018 par enquête → (vide)',
    );
  });
});
