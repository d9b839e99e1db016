import { describe, expect, it } from 'vitest';
import { finessCommuneToInsee } from '../../src/reference/finess/finess-commune.ts';
import { finessDate, parseExtraction } from '../../src/reference/finess/finess-extraction.ts';
import { lambert93ToWgs84 } from '../../src/reference/finess/lambert93.ts';

describe('FINESS commune codes', () => {
  it('turns département + commune into an INSEE code, Corsica and overseas included', () => {
    expect(finessCommuneToInsee('01', '053')).toEqual({ code: '01053' });
    expect(finessCommuneToInsee('2A', '004')).toEqual({ code: '2A004' });
    expect(finessCommuneToInsee('2b', '33')).toEqual({ code: '2B033' });
    expect(finessCommuneToInsee('9A', '101')).toEqual({ code: '97101' });
    expect(finessCommuneToInsee('9D', '411')).toEqual({ code: '97411' });
    expect(finessCommuneToInsee('9F', '611')).toEqual({ code: '97611' });
    expect(finessCommuneToInsee('9B', '101')).toHaveProperty('error');
    expect(finessCommuneToInsee('20', '004')).toHaveProperty('error');
  });
});

describe('Lambert 93 inverse projection', () => {
  it('gives the projection origin and a known point', () => {
    expect(lambert93ToWgs84(700000, 6600000)).toEqual({ longitude: 3, latitude: 46.5 });
    // A point near the Panthéon, Paris.
    const paris = lambert93ToWgs84(651978, 6861036);
    expect(paris.longitude).toBeCloseTo(2.346, 2);
    expect(paris.latitude).toBeCloseTo(48.846, 2);
  });
});

describe('extraction reader', () => {
  it('reads metadata, keeps only the categories asked, and reports unknown sections', () => {
    const cells = (id: string, cat: string) =>
      ['structureet', id, '', 'RS', 'RS LONGUE', ...Array(7).fill(''), '053', '01', ...Array(4).fill(''), cat]
        .concat(Array(13).fill(''))
        .join(';');
    const text = [
      'finess;etalab;2;05/03/2024',
      cells('010005239', '603'),
      cells('010000024', '355'),
      'autre;x',
    ].join('\n');
    const out = parseExtraction(text, (c) => c === '603');
    expect(out.date).toBe('2024-03-05');
    expect(out.structures).toBe(2);
    expect(out.establishments.map((e) => e.nofinesset)).toEqual(['010005239']);
    expect(out.issues).toEqual([{ ligne: 4, champ: 'section', message: 'section inconnue : « autre »' }]);
    expect(finessDate('20240305')).toBe('2024-03-05');
  });
});
