import type { AnswerInput, CampaignQuestion } from './schemas.ts';
import type { CampaignField } from './vocabulary.ts';

export type FieldErrors = Record<string, string>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkQuestion(q: CampaignQuestion, value: unknown, submitting: boolean): string | null {
  const empty =
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return submitting && q.obligatoire ? 'réponse obligatoire' : null;
  switch (q.type) {
    case 'texte':
      return typeof value === 'string' ? null : 'texte attendu';
    case 'nombre':
      return typeof value === 'number' ? null : 'nombre attendu';
    case 'date':
      return typeof value === 'string' && ISO_DAY.test(value) ? null : 'date attendue au format AAAA-MM-JJ';
    case 'choix':
      return typeof value === 'string' && q.options.includes(value)
        ? null
        : `choix attendu parmi : ${q.options.join(', ')}`;
    case 'choix_multiples':
      return Array.isArray(value) && value.every((v) => q.options.includes(v))
        ? null
        : `choix attendus parmi : ${q.options.join(', ')}`;
  }
}

/**
 * What a campaign accepts from one recipient, beyond the shape the schema checks: only their own
 * dynamics, each once; only the fields the campaign asks about; known questions with well-typed
 * answers; and, on submission, every dynamic answered and every required question filled.
 * Keys follow the input (`dynamiques.0.proposition.statut`), so that the form can point at the field.
 */
export function checkAnswer(
  campaign: {
    champs: readonly CampaignField[];
    questions: readonly CampaignQuestion[];
    types: readonly string[];
  },
  ownDynamics: readonly string[],
  answer: AnswerInput,
  submitting: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  answer.dynamiques.forEach((d, i) => {
    // Same message for a dynamic that does not exist and one of another recipient: nothing leaks.
    if (!ownDynamics.includes(d.id)) errors[`dynamiques.${i}.id`] = 'dynamique absente de ce questionnaire';
    else if (seen.has(d.id)) errors[`dynamiques.${i}.id`] = 'dynamique répondue deux fois';
    seen.add(d.id);
    for (const field of Object.keys(d.proposition)) {
      if (!campaign.champs.includes(field as CampaignField)) {
        errors[`dynamiques.${i}.proposition.${field}`] = 'champ non demandé par cette campagne';
      }
    }
  });
  answer.nouvelles.forEach((n, i) => {
    if (!campaign.types.includes(n.type)) {
      errors[`nouvelles.${i}.type`] = `type hors de la campagne : ${campaign.types.join(', ')}`;
    }
  });
  for (const key of Object.keys(answer.questions)) {
    if (!campaign.questions.some((q) => q.id === key)) errors[`questions.${key}`] = 'question inconnue';
  }
  for (const q of campaign.questions) {
    const problem = checkQuestion(q, answer.questions[q.id], submitting);
    if (problem) errors[`questions.${q.id}`] = problem;
  }
  if (submitting) {
    ownDynamics.forEach((id) => {
      if (!seen.has(id))
        errors[`dynamiques.${id}`] = 'confirmez, corrigez ou déclarez l’arrêt de chaque dynamique';
    });
  }
  return errors;
}
