import { describe, expect, it } from 'vitest';
import { CRITERIA, CRITERION_CODES, levelLabel } from '../../src/domain/cycle/criteria.ts';
import { distributionOf } from '../../src/domain/cycle/distribution.ts';
import { selfAssessmentInput } from '../../src/domain/cycle/schemas.ts';
import { defaultModel, templateSteps } from '../../src/domain/cycle/templates.ts';

const all = (niveau: number) => Object.fromEntries(CRITERION_CODES.map((c) => [c, { niveau }]));

describe('distribution of self-assessment levels', () => {
  it('counts each level per criterion and gives the mean, over the assessments given', () => {
    const d = distributionOf(5, [all(0), all(3), { ...all(1), politique: { niveau: 3 } }]);
    expect(d).toMatchObject({ dynamiques: 5, evaluees: 3 });
    const politique = d.criteres.find((c) => c.code === 'politique');
    expect(politique?.niveaux.map((n) => n.nombre)).toEqual([1, 0, 0, 2]);
    expect(politique?.moyenne).toBe(2);
    const coordonnee = d.criteres.find((c) => c.code === 'coordonnee');
    expect(coordonnee?.niveaux.map((n) => n.nombre)).toEqual([1, 1, 0, 1]);
    expect(coordonnee?.moyenne).toBe(1.33);
  });

  it('has no mean when nothing was assessed, and lists the seven criteria in order', () => {
    const d = distributionOf(2, []);
    expect(d.criteres.map((c) => c.code)).toEqual(CRITERIA.map((c) => c.code));
    expect(d.criteres.every((c) => c.moyenne === null && c.niveaux.every((n) => n.nombre === 0))).toBe(true);
  });
});

describe('criteria and templates', () => {
  it('names the levels and requires all seven criteria', () => {
    expect([0, 1, 2, 3].map(levelLabel)).toEqual(['Pas engagé', 'Émergent', 'En place', 'Consolidé']);
    const criteres = Object.fromEntries(CRITERION_CODES.slice(1).map((c) => [c, { niveau: 1 }]));
    const parsed = selfAssessmentInput.safeParse({ date: '2025-01-01', criteres });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['criteres.politique']);
  });

  it('starts a CLS and a CPTS from their own steps, any other kind from the generic ones', () => {
    expect(defaultModel('CLS')).toBe('CLS');
    expect(defaultModel('CLSM')).toBe('generique');
    expect(templateSteps('CPTS').map((s) => s.code)).toContain('contrat_aci');
    expect(templateSteps('CLS').map((s) => s.code)).toContain('signature');
    expect(templateSteps('generique').every((s) => s.statut === 'a_venir' && s.actions.length === 0)).toBe(
      true,
    );
  });
});
