import { describe, expect, it } from 'vitest';
import type { CoordinationPost, DynamicEvent } from '../../src/domain/registry/schemas.ts';
import {
  addMonths,
  freshness,
  hasCoordinationAt,
  observedOn,
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
  it('with nothing to date it, the declared status holds from the start date', () => {
    const d = { statut: 'actif' as const, dateDebut: '2013-05-01', evenements: [] };
    expect(statusAt(d, '2013-04-30')).toBeNull();
    expect(statusAt(d, '2013-05-01')).toBe('actif');
    expect(statusAt(d, '2030-01-01')).toBe('actif');
  });

  it('with nothing to date it and no start date, the declared status holds for any date', () => {
    expect(statusAt({ statut: 'en_projet', evenements: [] }, '1990-01-01')).toBe('en_projet');
  });

  it('events imply statuses and the last one before the date wins', () => {
    const d = {
      evenements: [ev('2015-01-10', 'signature'), ev('2012-06-01', 'creation'), ev('2019-12-31', 'arret')],
    };
    expect(statusAt(d, '2012-05-31')).toBeNull(); // the creation is its beginning
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

describe('observed status', () => {
  const observed = { statut: 'actif' as const, evenements: [], verification: { date: '2018-03-01' } };

  it('a status without dated event is known from its verification day, unknown before', () => {
    expect(statusAt(observed, '2000-01-01')).toBe('inconnu');
    expect(statusAt(observed, '2018-02-28')).toBe('inconnu');
    expect(statusAt(observed, '2018-03-01')).toBe('actif');
    expect(statusAt(observed, '2030-01-01')).toBe('actif');
  });

  it('the earliest source consulted dates the observation too', () => {
    const d = { ...observed, sources: [{ consulte: '2019-05-01' }, { consulte: '2017-10-01' }, {}] };
    expect(observedOn(d)).toBe('2017-10-01');
    expect(statusAt(d, '2017-09-30')).toBe('inconnu');
    expect(statusAt(d, '2017-10-01')).toBe('actif');
  });

  it('without verification or source, the day the record was entered dates it', () => {
    const d = { statut: 'en_projet' as const, evenements: [] };
    expect(observedOn(d, '2024-03-12')).toBe('2024-03-12');
    expect(statusAt(d, '2024-03-11', '2024-03-12')).toBe('inconnu');
    expect(statusAt(d, '2024-03-12', '2024-03-12')).toBe('en_projet');
  });

  it('before its start date a dynamic did not exist; between start and observation its status is unknown', () => {
    const d = { ...observed, statut: 'suspendu' as const, dateDebut: '2012-01-01' };
    expect(statusAt(d, '2011-12-31')).toBeNull();
    expect(statusAt(d, '2015-01-01')).toBe('inconnu');
    expect(statusAt(d, '2018-03-01')).toBe('suspendu');
  });

  it('an active dynamic is active from its start date', () => {
    const d = { ...observed, dateDebut: '2013-05-01' };
    expect(statusAt(d, '2013-04-30')).toBeNull();
    expect(statusAt(d, '2013-05-01')).toBe('actif');
  });

  it('a stopped dynamic is stopped from the day after its end date', () => {
    const d = { ...observed, statut: 'arrete' as const, dateDebut: '2010-01-01', dateFin: '2015-12-31' };
    expect(statusAt(d, '2015-12-31')).toBe('inconnu');
    expect(statusAt(d, '2016-01-01')).toBe('arrete');
    expect(statusAt(d, '2030-01-01')).toBe('arrete');
  });

  it('named without a status nor a dated status, a dynamic is unknown on every date, never active', () => {
    const named = { evenements: [ev('2018-03-01', 'verification')], verification: { date: '2018-03-01' } };
    expect(statusTimeline(named)).toEqual([{ statut: 'inconnu', debut: '0001-01-01', fin: null }]);
    expect(statusAt(named, '2018-03-01')).toBe('inconnu');
    expect(statusAt(named, '2030-01-01')).toBe('inconnu');
    const created = { ...named, dateDebut: '2005-01-01' };
    expect(statusAt(created, '2004-12-31')).toBeNull();
    expect(statusAt(created, '2018-03-01')).toBe('inconnu');
  });

  it('a stop or a renewal as first event tells that the dynamic lived before: unknown then', () => {
    expect(statusAt({ evenements: [ev('2017-01-01', 'arret')] }, '2016-12-31')).toBe('inconnu');
    expect(statusAt({ evenements: [ev('2017-01-01', 'arret')] }, '2017-01-01')).toBe('arrete');
    const renewed = { evenements: [ev('2016-01-01', 'nouvelle_generation')] };
    expect(statusAt(renewed, '1990-01-01')).toBe('inconnu');
    const started = { dateDebut: '2014-01-01', evenements: [ev('2016-01-01', 'nouvelle_generation')] };
    expect(statusAt(started, '2013-12-31')).toBeNull();
    expect(statusAt(started, '2014-06-01')).toBe('inconnu');
  });
});

describe('end date and renewals', () => {
  const cls = (evenements: DynamicEvent[], dateFin = '2018-12-31') => ({
    dateDebut: '2016-01-01',
    dateFin,
    evenements,
  });

  it('past its end date with no renewal, a dynamic is échue', () => {
    const d = cls([ev('2016-01-01', 'signature')]);
    expect(statusAt(d, '2018-12-31')).toBe('actif');
    expect(statusAt(d, '2019-01-01')).toBe('echue');
    expect(statusAt(d, '2026-01-01')).toBe('echue');
  });

  it('a renewal after the end date ends the échue span', () => {
    const d = cls([ev('2016-01-01', 'signature'), ev('2019-06-01', 'renouvellement')]);
    expect(statusTimeline(d)).toEqual([
      { statut: 'actif', debut: '2016-01-01', fin: '2019-01-01' },
      { statut: 'echue', debut: '2019-01-01', fin: '2019-06-01' },
      { statut: 'actif', debut: '2019-06-01', fin: null },
    ]);
  });

  it('a renewal signed in the year before the end date extends the term', () => {
    const d = cls([ev('2016-01-01', 'signature'), ev('2018-06-01', 'renouvellement')]);
    expect(statusAt(d, '2019-01-01')).toBe('actif');
    const old = cls([ev('2016-01-01', 'signature'), ev('2017-06-01', 'renouvellement')]);
    expect(statusAt(old, '2019-01-01')).toBe('echue');
  });

  it('a stop before the end date leaves the dynamic stopped, not échue', () => {
    const d = cls([ev('2016-01-01', 'signature'), ev('2018-10-01', 'arret')]);
    expect(statusAt(d, '2019-01-01')).toBe('arrete');
  });

  it('a stop recorded after the end date follows the échue span', () => {
    const d = cls([ev('2016-01-01', 'signature'), ev('2020-01-01', 'arret')]);
    expect(statusAt(d, '2019-06-01')).toBe('echue');
    expect(statusAt(d, '2020-01-01')).toBe('arrete');
  });

  it('a declared status past the end date is échue, even when observed after it', () => {
    const d = {
      statut: 'actif' as const,
      dateFin: '2020-12-31',
      evenements: [],
      verification: { date: '2022-05-01' },
    };
    expect(statusAt(d, '2020-06-01')).toBe('inconnu');
    expect(statusAt(d, '2021-01-01')).toBe('echue');
    expect(statusAt(d, '2023-01-01')).toBe('echue');
  });

  it('the freshness rules raise an échue dynamic to "à vérifier"', () => {
    const f = freshness({ type: 'CLS', statut: 'echue', dateFin: '2018-12-31' }, '2026-01-01', '2026-03-01');
    expect(f.aVerifier).toBe(true);
    expect(freshness({ type: 'CLS', statut: 'actif' }, '2026-01-01', '2026-03-01').aVerifier).toBe(false);
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
