import { describe, expect, it } from 'vitest';
import { jsonWithRecords } from '../../src/http/record-json.ts';

describe('JSON with kept record texts', () => {
  const records = [
    { id: 'a', nom: 'Contrat « local » de santé\n2e génération', communes: ['42218'], contacts: [] },
    { id: 'b', nom: 'Atelier santé ville \\ "Saint-Étienne"', communes: [], porteur: null },
  ];

  it('writes the same text as JSON.stringify, keys in the same order', () => {
    const body = { territoire: { nom: 'Loire' }, date: '2026-11-23', dynamiques: records, lacunes: ['x'] };
    expect(jsonWithRecords(body, 'dynamiques')).toBe(JSON.stringify(body));
    const empty = { dynamiques: [], total: 0 };
    expect(jsonWithRecords(empty, 'dynamiques')).toBe(JSON.stringify(empty));
  });

  it('serves a record from its kept text, so the same object must not change after it is presented', () => {
    const record = { id: 'c', nom: 'avant' };
    const first = jsonWithRecords({ dynamiques: [record] }, 'dynamiques');
    record.nom = 'après';
    expect(jsonWithRecords({ dynamiques: [record] }, 'dynamiques')).toBe(first);
    expect(jsonWithRecords({ dynamiques: [{ ...record }] }, 'dynamiques')).toContain('après');
  });
});
