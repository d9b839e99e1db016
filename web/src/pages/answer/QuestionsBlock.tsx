import type { CampaignQuestion } from '@domain/campaigns/schemas.ts';
import { Checkbox, Input, RadioGroup, Textarea } from '../../ui/index.ts';
import { errorState, type FieldErrors } from '../edit/fieldErrors.ts';
import type { QuestionValue } from './answerDraft.ts';

function Question({
  q,
  value,
  error,
  readOnly,
  onChange,
}: {
  q: CampaignQuestion;
  value: QuestionValue | undefined;
  error: string | undefined;
  readOnly: boolean;
  onChange: (v: QuestionValue) => void;
}) {
  const label = `${q.libelle}${q.obligatoire ? ' (obligatoire)' : ''}`;
  const id = `champ-questions-${q.id}`;
  const hint = q.aide ?? undefined;
  if (q.type === 'choix' || q.type === 'choix_multiples') {
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const Group = q.type === 'choix' ? RadioGroup : Checkbox;
    return (
      <Group
        id={id}
        legend={label}
        name={id}
        hintText={hint}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        options={q.options.map((o) => ({
          label: o,
          nativeInputProps: {
            value: o,
            checked: chosen.includes(o),
            disabled: readOnly,
            onChange: (e) => {
              if (q.type === 'choix') return onChange(o);
              onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o));
            },
          },
        }))}
      />
    );
  }
  if (q.type === 'texte') {
    return (
      <Textarea
        label={label}
        hintText={hint}
        nativeTextAreaProps={{
          id,
          rows: 3,
          value: typeof value === 'string' ? value : '',
          disabled: readOnly,
          onChange: (e) => onChange(e.target.value),
        }}
        {...errorState(error)}
      />
    );
  }
  return (
    <Input
      label={label}
      hintText={hint}
      nativeInputProps={{
        id,
        type: q.type === 'date' ? 'date' : 'text',
        inputMode: q.type === 'nombre' ? 'decimal' : undefined,
        value: typeof value === 'string' ? value : '',
        disabled: readOnly,
        onChange: (e) => onChange(e.target.value),
      }}
      {...errorState(error)}
    />
  );
}

/** The campaign's own questions, each by its kind; required ones say so. */
export function QuestionsBlock({
  questions,
  values,
  errors,
  readOnly,
  onChange,
}: {
  questions: readonly CampaignQuestion[];
  values: Record<string, QuestionValue>;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (values: Record<string, QuestionValue>) => void;
}) {
  if (questions.length === 0) return null;
  return (
    <section className="odts-answer-card" aria-labelledby="questions-titre">
      <h2 id="questions-titre" className="u-h4">
        Questions de la campagne
      </h2>
      {questions.map((q) => (
        <Question
          key={q.id}
          q={q}
          value={values[q.id]}
          error={errors[`questions.${q.id}`]}
          readOnly={readOnly}
          onChange={(v) => onChange({ ...values, [q.id]: v })}
        />
      ))}
    </section>
  );
}
