import { describe, expect, it } from 'vitest';
import type { CoordinationPost, DynamicEvent } from '../../src/domain/registry/schemas.ts';
import {
  addMonths,
  freshness,
  hasCoordinationAt,
  statusAt,
  statusTimeline,
} from '../../src/domain/registry/timeline.ts';

const ev = (date: string, type: DynamicEvent['type'], statut?: DynamicEvent['statut']): DynamicEvent => ({
  date,
  type,
  statut: statut ?? null,
  note: '',
});

describe('status timeline', () => {
  it('without events, the declared status holds from the start date', () => {
    const d = { statut: 'actif' as const, dateDebut: '2013-05-01', evenements: [] };
    expect(statusAt(d, '2013-04-30')).toBeNull();
    expect(statusAt(d, '2013-05-01')).toBe('actif');
    expect(statusAt(d, '2030-01-01')).toBe('actif');
  });

  it('without a start date, the declared status holds for any date', () => {
    expect(statusAt({ statut: 'en_projet', evenements: [] }, '1990-01-01')).toBe('en_projet');
  });

  it('events imply statuses and the last one before the date wins', () => {
    const d = {
      evenements: [ev('2015-01-10', 'signature'), ev('2012-06-01', 'creation'), ev('2019-12-31', 'arret')],
    };
    expect(statusAt(d, '2012-05-31')).toBeNull();
    expect(statusAt(d, '2012-06-01')).toBe('en_projet');
    expect(statusAt(d, '2015-01-09')).toBe('en_projet');
    expect(statusAt(d, '2015-01-10')).toBe('actif');
    expect(statusAt(d, '2019-12-30')).toBe('actif');
    expect(statusAt(d, '2019-12-31')).toBe('arrete');
  });

  it('an explicit statut on an event overrides the implied one', () => {
    const d = {
      evenements: [ev('2016-01-01', 'changement_porteur', 'suspendu'), ev('2015-01-01', 'signature')],
    };
    expect(statusAt(d, '2016-06-01')).toBe('suspendu');
  });

  it('events without status (verification) do not cut periods', () => {
    const d = {
      evenements: [
        ev('2015-01-01', 'signature'),
        ev('2016-01-01', 'verification'),
        ev('2017-01-01', 'renouvellement'),
      ],
    };
    expect(statusTimeline(d)).toEqual([{ statut: 'actif', debut: '2015-01-01', fin: null }]);
  });

  it('a stop then a restart gives three periods', () => {
    const d = {
      evenements: [ev('2010-01-01', 'signature'), ev('2012-01-01', 'arret'), ev('2014-01-01', 'reprise')],
    };
    expect(statusTimeline(d).map((p) => p.statut)).toEqual(['actif', 'arrete', 'actif']);
    expect(statusAt(d, '2013-01-01')).toBe('arrete');
  });
});

describe('coordination', () => {
  const post = (p: Partial<CoordinationPost>): CoordinationPost => ({
    intitule: 'Coordinatrice',
    financeurs: [],
    vacant: false,
    ...p,
  });
  it('vacant or ended posts do not count', () => {
    expect(hasCoordinationAt([], '2020-01-01')).toBe(false);
    expect(hasCoordinationAt([post({ vacant: true })], '2020-01-01')).toBe(false);
    expect(hasCoordinationAt([post({ fin: '2019-12-31' })], '2020-01-01')).toBe(false);
    expect(hasCoordinationAt([post({ debut: '2020-01-02' })], '2020-01-01')).toBe(false);
    expect(hasCoordinationAt([post({ debut: '2018-01-01', fin: '2020-01-01' })], '2020-01-01')).toBe(true);
  });
});

describe('freshness', () => {
  it('flags records not verified for 12 months', () => {
    const d = { type: 'ASV' as const, statut: 'actif' as const };
    expect(freshness(d, null, '2026-11-23').aVerifier).toBe(true);
    expect(freshness(d, '2025-11-22', '2026-11-23').aVerifier).toBe(true);
    expect(freshness(d, '2025-11-23', '2026-11-23').aVerifier).toBe(false);
  });
  it('lists fixed-term contracts ending within 6 months or past', () => {
    const cls = (dateFin: string) => ({ type: 'CLS' as const, statut: 'actif' as const, dateFin });
    expect(freshness(cls('2027-05-23'), null, '2026-11-23').aRenouveler).toBe(true);
    expect(freshness(cls('2027-05-24'), null, '2026-11-23').aRenouveler).toBe(false);
    expect(freshness(cls('2020-01-01'), null, '2026-11-23').aRenouveler).toBe(true);
    expect(freshness({ ...cls('2020-01-01'), statut: 'arrete' }, null, '2026-11-23').aRenouveler).toBe(false);
    expect(
      freshness({ type: 'MSP', statut: 'actif', dateFin: '2020-01-01' }, null, '2026-11-23').aRenouveler,
    ).toBe(false);
  });
  it('adds months across year ends', () => {
    expect(addMonths('2026-11-23', 6)).toBe('2027-05-23');
    expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
  });
});
