import { CRITERIA, LEVELS } from './criteria.ts';
import type { SelfAssessmentDistribution } from './responses.ts';

type Answers = Record<string, { niveau: number }>;

/**
 * How the dynamics of a territory rate themselves: for each criterion, how many stand at each level, and
 * the mean level. Only each dynamic's latest assessment counts (`latest`, one per assessed dynamic).
 */
export function distributionOf(dynamiques: number, latest: Answers[]): SelfAssessmentDistribution {
  return {
    dynamiques,
    evaluees: latest.length,
    criteres: CRITERIA.map((c) => {
      const levels = latest.map((a) => a[c.code]?.niveau).filter((n): n is number => typeof n === 'number');
      const sum = levels.reduce((s, n) => s + n, 0);
      return {
        code: c.code,
        libelle: c.libelle,
        niveaux: LEVELS.map((l) => ({
          niveau: l.niveau,
          libelle: l.libelle,
          nombre: levels.filter((n) => n === l.niveau).length,
        })),
        moyenne: levels.length === 0 ? null : Math.round((sum / levels.length) * 100) / 100,
      };
    }),
  };
}
