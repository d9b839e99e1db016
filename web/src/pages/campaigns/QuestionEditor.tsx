import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@domain/campaigns/vocabulary.ts';
import { Button, ButtonGroup, Checkbox, ErrorText, Input, Select } from '../../ui/index.ts';
import { isChoice, newKey, type QuestionDraft } from './draft.ts';

function errorOf(errors: Record<string, string>, index: number, sub: 'libelle' | 'type' | 'options') {
  if (sub === 'libelle') return errors[`questions.${index}.libelle`] ?? errors[`questions.${index}.id`];
  return errors[`questions.${index}.${sub}`];
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function QuestionRow({
  q,
  index,
  total,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  q: QuestionDraft;
  index: number;
  total: number;
  errors: Record<string, string>;
  onChange: (q: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const state = (sub: 'libelle' | 'type' | 'options') =>
    errorOf(errors, index, sub)
      ? { state: 'error' as const, stateRelatedMessage: errorOf(errors, index, sub) }
      : {};
  return (
    <li className="odts-question">
      <fieldset className="odts-question__frame">
        <legend className="u-text-md">Question {n}</legend>
        <Input
          label="Libellé"
          {...state('libelle')}
          nativeInputProps={{
            id: `question-${index}-libelle`,
            value: q.libelle,
            onChange: (e) => onChange({ ...q, libelle: e.target.value }),
          }}
        />
        <Select
          label="Type de réponse"
          {...state('type')}
          nativeSelectProps={{
            id: `question-${index}-type`,
            value: q.type,
            onChange: (e) => onChange({ ...q, type: e.target.value as QuestionType }),
          }}
        >
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {QUESTION_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
        {isChoice(q.type) && (
          <Input
            label="Options"
            hintText="Une option par ligne, deux au moins"
            textArea
            {...state('options')}
            nativeTextAreaProps={{
              id: `question-${index}-options`,
              rows: 4,
              value: q.options,
              onChange: (e) => onChange({ ...q, options: e.target.value }),
            }}
          />
        )}
        <Checkbox
          options={[
            {
              label: 'Réponse obligatoire',
              nativeInputProps: {
                checked: q.obligatoire,
                onChange: (e) => onChange({ ...q, obligatoire: e.target.checked }),
              },
            },
          ]}
        />
        <ButtonGroup className="u-mt-1">
          <li>
            <Button
              size="small"
              priority="tertiary"
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              nativeButtonProps={{ 'aria-label': `Monter la question ${n}` }}
            >
              Monter
            </Button>
          </li>
          <li>
            <Button
              size="small"
              priority="tertiary"
              disabled={index === total - 1}
              onClick={() => onMove(index + 1)}
              nativeButtonProps={{ 'aria-label': `Descendre la question ${n}` }}
            >
              Descendre
            </Button>
          </li>
          <li>
            <Button
              size="small"
              priority="secondary"
              onClick={onRemove}
              nativeButtonProps={{ 'aria-label': `Retirer la question ${n}` }}
            >
              Retirer
            </Button>
          </li>
        </ButtonGroup>
      </fieldset>
    </li>
  );
}

/** Extra questions of a campaign: added, reworded, typed, reordered and removed. */
export function QuestionEditor({
  questions,
  onChange,
  errors,
}: {
  questions: QuestionDraft[];
  onChange: (qs: QuestionDraft[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <section aria-labelledby="titre-questions" className="u-mt-4" id="champ-questions" tabIndex={-1}>
      <h2 id="titre-questions" className="u-h4">
        Questions complémentaires
      </h2>
      {questions.length === 0 ? (
        <p>Aucune question : les destinataires confirment ou corrigent seulement leurs fiches.</p>
      ) : (
        <ol className="odts-questions">
          {questions.map((q, i) => (
            <QuestionRow
              key={q.key}
              q={q}
              index={i}
              total={questions.length}
              errors={errors}
              onChange={(next) => onChange(questions.map((x) => (x.key === q.key ? next : x)))}
              onMove={(to) => onChange(move(questions, i, to))}
              onRemove={() => onChange(questions.filter((x) => x.key !== q.key))}
            />
          ))}
        </ol>
      )}
      {errors.questions && <ErrorText>{errors.questions}</ErrorText>}
      <Button
        priority="secondary"
        iconId="add-line"
        onClick={() =>
          onChange([
            ...questions,
            { key: newKey(), id: '', libelle: '', type: 'texte', options: '', obligatoire: false },
          ])
        }
      >
        Ajouter une question
      </Button>
    </section>
  );
}
