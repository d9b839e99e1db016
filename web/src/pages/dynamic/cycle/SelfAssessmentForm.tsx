import { CRITERIA, LEVELS } from '@domain/cycle/criteria.ts';
import type { SelfAssessment } from '@domain/cycle/responses.ts';
import { type FormEvent, useState } from 'react';
import { requestJson } from '../../../api/client.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Button, ButtonGroup, Input, Select, Textarea } from '../../../ui/index.ts';
import { asApiError, jsonBody } from '../../accounts/accountApi.ts';
import { errorState } from '../../edit/fieldErrors.ts';

type Draft = {
  date: string;
  commentaire: string;
  criteres: Record<string, { niveau: string; preuves: string }>;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Starts from the previous assessment when there is one: a team usually moves a few criteria. */
function draftFrom(previous: SelfAssessment | null): Draft {
  return {
    date: today(),
    commentaire: '',
    criteres: Object.fromEntries(
      CRITERIA.map((c) => {
        const p = previous?.criteres[c.code];
        return [c.code, { niveau: p ? String(p.niveau) : '', preuves: p?.preuves ?? '' }];
      }),
    ),
  };
}

const fieldId = (path: string) => `ae-${path.replace(/\./g, '-')}`;

function describe(path: string): string {
  if (path === 'date') return 'Date';
  const [, code, what] = path.split('.');
  const label = CRITERIA.find((c) => c.code === code)?.libelle ?? code ?? path;
  return what === 'preuves' ? `${label}, ce qui le montre` : `${label}, niveau`;
}

export function SelfAssessmentForm({
  url,
  previous,
  onDone,
  onCancel,
}: {
  url: string;
  previous: SelfAssessment | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(previous));
  const [errors, setErrors] = useState<{ message: string; champs: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const setCriterion = (code: string, patch: Partial<Draft['criteres'][string]>) =>
    setDraft((d) => ({
      ...d,
      criteres: { ...d.criteres, [code]: { ...(d.criteres[code] ?? { niveau: '', preuves: '' }), ...patch } },
    }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const body = {
      date: draft.date,
      commentaire: draft.commentaire || null,
      criteres: Object.fromEntries(
        Object.entries(draft.criteres).map(([code, a]) => [
          code,
          // An unanswered level is sent as such: the server names it.
          { niveau: a.niveau === '' ? null : Number(a.niveau), preuves: a.preuves || null },
        ]),
      ),
    };
    try {
      await requestJson(url, { method: 'POST', ...jsonBody(body) });
      onDone();
    } catch (error) {
      const e = asApiError(error);
      setErrors({ message: e.message, champs: e.champs });
    } finally {
      setBusy(false);
    }
  }

  const stateOf = (path: string) => errorState(errors?.champs[path]);

  return (
    <form onSubmit={submit} noValidate className="u-mt-3" aria-labelledby="ae-form-titre">
      <h3 id="ae-form-titre">Nouvelle auto-évaluation</h3>
      {errors && (
        <ErrorSummary
          title="L’auto-évaluation n’a pas été enregistrée"
          errors={errors.champs}
          message={errors.message}
          describe={describe}
          href={(path) => `#${fieldId(path)}`}
        />
      )}
      <Input
        label="Date de l’auto-évaluation"
        {...stateOf('date')}
        nativeInputProps={{
          id: fieldId('date'),
          type: 'date',
          value: draft.date,
          onChange: (e) => setDraft({ ...draft, date: e.target.value }),
        }}
      />
      {CRITERIA.map((c) => (
        <fieldset key={c.code} className="u-mb-3">
          <legend className="u-bold">{c.libelle}</legend>
          <p className="u-text-sm">{c.question}</p>
          <Select
            label={`Niveau : ${c.libelle}`}
            {...stateOf(`criteres.${c.code}.niveau`)}
            nativeSelectProps={{
              id: fieldId(`criteres.${c.code}.niveau`),
              value: draft.criteres[c.code]?.niveau ?? '',
              onChange: (e) => setCriterion(c.code, { niveau: e.target.value }),
            }}
          >
            <option value="">Choisir un niveau</option>
            {LEVELS.map((l) => (
              <option key={l.niveau} value={String(l.niveau)}>
                {l.niveau} — {l.libelle}
              </option>
            ))}
          </Select>
          <Textarea
            label={`Ce qui le montre : ${c.libelle}`}
            hintText="Facultatif : un fait, un document, une décision."
            {...stateOf(`criteres.${c.code}.preuves`)}
            nativeTextAreaProps={{
              id: fieldId(`criteres.${c.code}.preuves`),
              rows: 2,
              value: draft.criteres[c.code]?.preuves ?? '',
              onChange: (e) => setCriterion(c.code, { preuves: e.target.value }),
            }}
          />
        </fieldset>
      ))}
      <Textarea
        label="Commentaire"
        hintText="Facultatif : qui a participé, dans quel cadre."
        nativeTextAreaProps={{
          id: fieldId('commentaire'),
          rows: 2,
          value: draft.commentaire,
          onChange: (e) => setDraft({ ...draft, commentaire: e.target.value }),
        }}
      />
      <ButtonGroup>
        <li>
          <Button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer l’auto-évaluation'}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}
