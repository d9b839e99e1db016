import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/domain/resources/language.ts';

describe('language of a notice, detected from its title and abstract', () => {
  it('recognises French, English and Spanish texts of the field', () => {
    expect(
      detectLanguage(
        'Les ateliers santé ville : une démarche locale de réduction des inégalités sociales de santé',
        'Bilan des dynamiques territoriales de santé dans les quartiers prioritaires.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Community health workers and the reduction of health inequalities in deprived neighbourhoods',
        'A review of local health partnerships and their evaluation.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'La participación comunitaria en los planes locales de salud de los municipios',
        'Una revisión de las experiencias de promoción de la salud en los barrios.',
      ),
    ).toBe('es');
  });

  it('leaves a short or unreadable text unknown rather than guessing', () => {
    expect(detectLanguage('CLS 2')).toBeNull();
    expect(detectLanguage('Loi HPST')).toBeNull();
    expect(detectLanguage('2018 — 42 — QPV — 1 234 — ARS')).toBeNull();
  });
});
