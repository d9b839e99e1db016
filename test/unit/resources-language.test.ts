import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, withDetectedLanguage } from '../../src/resources/language/detect-language.ts';

describe('language of a notice', () => {
  it('recognises French, English and Spanish titles and abstracts', () => {
    expect(
      detectLanguage(
        'Les contrats locaux de santé en quête de sens',
        'Une analyse des démarches engagées par les collectivités et les agences régionales de santé.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Analysing local public health action plans',
        'This study describes how municipalities design and evaluate their health policies.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'La participación comunitaria en la salud pública local',
        'Este estudio analiza cómo los municipios diseñan y evalúan sus políticas de salud.',
      ),
    ).toBe('es');
  });

  it('leaves short, acronym-only or ambiguous texts unknown rather than assuming French', () => {
    expect(detectLanguage('Santé mentale locale')).toBeNull();
    expect(detectLanguage('ASV, CLS, CLSM', null)).toBeNull();
    expect(detectLanguage('Le Guichet CPTS Occitanie – URPS Occitanie')).toBeNull();
    expect(detectLanguage('FemasAURA (Auvergne-Rhône-Alpes)')).toBeNull();
    expect(detectLanguage('', undefined, null)).toBeNull();
  });

  it('keeps a stated language and only fills an unknown one', () => {
    const english = { titre: 'How cities shape the health of their inhabitants today', resume: null };
    expect(withDetectedLanguage({ ...english, langue: 'fr' }).langue).toBe('fr');
    expect(withDetectedLanguage({ ...english, langue: null }).langue).toBe('en');
    expect(withDetectedLanguage({ titre: 'Santé mentale', langue: null }).langue).toBeNull();
  });

  it('does not label the shipped notices all French', () => {
    const dir = join(import.meta.dirname, '../../data-seed/ressources');
    const found = new Map<string | null, number>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const child of node) visit(child);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const n = node as { titre?: string; type?: string; resume?: string; notices?: unknown };
      if (n.type && typeof n.titre === 'string' && n.notices === undefined) {
        const lang = detectLanguage(n.titre, n.resume);
        found.set(lang, (found.get(lang) ?? 0) + 1);
      } else for (const child of Object.values(node)) visit(child);
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
      visit(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(found.get('en')).toBeGreaterThan(0);
    expect(found.get(null)).toBeGreaterThan(0);
    expect(found.get('fr')).toBeGreaterThan(100);
  });
});
