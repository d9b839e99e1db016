import { describe, expect, it } from 'vitest';
import { type DynamicInput, dynamicInput } from '../../src/domain/registry/schemas.ts';
import { dateDeclaredStatusChange } from '../../src/domain/registry/status-change.ts';
import { statusAt } from '../../src/domain/registry/timeline.ts';

const record = (over: Record<string, unknown> = {}): DynamicInput =>
  dynamicInput.parse({
    type: 'CLS',
    nom: 'CLS',
    statut: 'actif',
    perimetre: { communes: ['42218'] },
    ...over,
  });

describe('a declared status changed on a record without events', () => {
  it('becomes dated events, so that the past keeps its status', () => {
    const before = record({ dateDebut: '2015-03-01' });
    const after = dateDeclaredStatusChange(
      before,
      record({ dateDebut: '2015-03-01', statut: 'arrete' }),
      '2026-12-05',
      '2020-01-01',
    );
    expect(after.evenements).toEqual([
      expect.objectContaining({ date: '2015-03-01', type: 'creation', statut: 'actif' }),
      expect.objectContaining({ date: '2026-12-05', type: 'arret', statut: 'arrete' }),
    ]);
    expect(statusAt(after, '2020-06-01', '2020-01-01')).toBe('actif');
    expect(statusAt(after, '2026-12-06', '2020-01-01')).toBe('arrete');
  });

  it('dates the former status from the entry day when nothing else dates it', () => {
    const after = dateDeclaredStatusChange(
      record(),
      record({ statut: 'suspendu' }),
      '2026-12-05',
      '2021-04-02',
    );
    expect(after.evenements[0]).toMatchObject({ date: '2021-04-02', type: 'verification', statut: 'actif' });
    expect(after.evenements[1]).toMatchObject({ type: 'suspension', statut: 'suspendu' });
  });

  it('leaves every other edit as it was typed', () => {
    const same = record({ nom: 'Autre nom' });
    expect(dateDeclaredStatusChange(record(), same, '2026-12-05', '2020-01-01')).toBe(same);
    const withEvents = record({ statut: 'arrete', evenements: [{ date: '2024-01-01', type: 'arret' }] });
    expect(dateDeclaredStatusChange(record(), withEvents, '2026-12-05', '2020-01-01')).toBe(withEvents);
  });
});
