import {
  ACTION_AUDIENCE_LABELS,
  ACTION_TYPE_LABELS,
  DETERMINANT_LABELS,
  DYNAMIC_ROLE_LABELS,
  FUNDER_TYPE_LABELS,
  OTTAWA_AXIS_LABELS,
  PARTNER_TYPE_LABELS,
  POLICY_LABELS,
  PROJECT_STEP_LABELS,
  SCALE_LABELS,
  SETTING_LABELS,
} from '../domain/actions/vocabulary.ts';
import { THEME_LABELS } from '../domain/resources/vocabulary.ts';

const entries = (labels: Record<string, string>) =>
  Object.entries(labels).map(([valeur, libelle]) => ({ valeur, libelle }));

/** Every controlled list of the grid, keyed by the name of its search filter (`GET /api/actions/vocabulaires`). */
export const ACTION_VOCABULARIES: Record<string, { valeur: string; libelle: string }[]> = {
  type: entries(ACTION_TYPE_LABELS),
  echelle: entries(SCALE_LABELS),
  milieu: entries(SETTING_LABELS),
  public: entries(ACTION_AUDIENCE_LABELS),
  role: entries(DYNAMIC_ROLE_LABELS),
  financeur: entries(FUNDER_TYPE_LABELS),
  partenaire: entries(PARTNER_TYPE_LABELS),
  politique: entries(POLICY_LABELS),
  axe: entries(OTTAWA_AXIS_LABELS),
  etape: entries(PROJECT_STEP_LABELS),
  theme: entries(THEME_LABELS),
  determinant: entries(DETERMINANT_LABELS),
};
