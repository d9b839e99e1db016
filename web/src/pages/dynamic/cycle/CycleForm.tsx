import type { ProjectCycle } from '@domain/cycle/responses.ts';
import {
  CYCLE_MODELS,
  type CycleModel,
  MODEL_LABELS,
  STEP_STATUS_LABELS,
  STEP_STATUSES,
  type StepStatus,
  templateSteps,
} from '@domain/cycle/templates.ts';
import { type FormEvent, useState } from 'react';
import { requestJson } from '../../../api/client.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Button, ButtonGroup, Checkbox, Input, Select, Textarea } from '../../../ui/index.ts';
import { asApiError, jsonBody } from '../../accounts/accountApi.ts';
import { errorState } from '../../edit/fieldErrors.ts';

type Step = ProjectCycle['etapes'][number];
const fieldId = (path: string) => `cycle-${path.replace(/\./g, '-')}`;

/** A code for a step the team adds: unique within the cycle. */
function newCode(steps: Step[]): string {
  let n = steps.length + 1;
  while (steps.some((s) => s.code === `etape_${n}`)) n++;
  return `etape_${n}`;
}

function describe(steps: Step[], path: string): string {
  const [, index, field] = path.split('.');
  const step = steps[Number(index)];
  return step ? `${step.libelle || `Étape ${Number(index) + 1}`}, ${field ?? ''}` : path;
}

export function CycleForm({
  url,
  cycle,
  actions,
  onDone,
  onCancel,
}: {
  url: string;
  cycle: ProjectCycle;
  /** Actions involving the dynamic, offered for each step. */
  actions: { id: string; titre: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [modele, setModele] = useState<CycleModel>(cycle.modele);
  const [steps, setSteps] = useState<Step[]>(cycle.etapes);
  const [errors, setErrors] = useState<{ message: string; champs: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const setStep = (i: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  function chooseModel(next: CycleModel) {
    setModele(next);
    // A template replaces the steps; « libre » keeps what is written.
    if (next !== 'libre') setSteps(templateSteps(next));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await requestJson(url, {
        method: 'PUT',
        ...jsonBody({ modele, etapes: steps }, { 'if-match': `"${cycle.version}"` }),
      });
      onDone();
    } catch (error) {
      const e = asApiError(error);
      setErrors({
        message:
          e.status === 412
            ? `${e.message} (vos changements ne sont pas enregistrés : annulez pour recharger)`
            : e.message,
        champs: e.champs,
      });
    } finally {
      setBusy(false);
    }
  }

  const stateOf = (path: string) => errorState(errors?.champs[path]);

  return (
    <form onSubmit={submit} noValidate aria-label="Cycle de projet">
      {errors && (
        <ErrorSummary
          title="Le cycle de projet n’a pas été enregistré"
          errors={errors.champs}
          message={errors.message}
          describe={(p) => describe(steps, p)}
          href={(p) => `#${fieldId(p)}`}
        />
      )}
      <Select
        label="Modèle d’étapes"
        hintText="Choisir un modèle remplace les étapes ci-dessous par les siennes."
        nativeSelectProps={{
          id: fieldId('modele'),
          value: modele,
          onChange: (e) => chooseModel(e.target.value as CycleModel),
        }}
      >
        {CYCLE_MODELS.map((m) => (
          <option key={m} value={m}>
            {MODEL_LABELS[m]}
          </option>
        ))}
      </Select>
      {steps.map((s, i) => (
        <fieldset key={s.code} className="u-mb-3 odts-block">
          <legend className="u-bold">
            Étape {i + 1} : {s.libelle || 'sans titre'}
          </legend>
          <Input
            label={`Intitulé de l’étape ${i + 1}`}
            {...stateOf(`etapes.${i}.libelle`)}
            nativeInputProps={{
              id: fieldId(`etapes.${i}.libelle`),
              value: s.libelle,
              onChange: (e) => setStep(i, { libelle: e.target.value }),
            }}
          />
          <Select
            label={`État de l’étape ${i + 1}`}
            {...stateOf(`etapes.${i}.statut`)}
            nativeSelectProps={{
              id: fieldId(`etapes.${i}.statut`),
              value: s.statut,
              onChange: (e) => setStep(i, { statut: e.target.value as StepStatus }),
            }}
          >
            {STEP_STATUSES.map((st) => (
              <option key={st} value={st}>
                {STEP_STATUS_LABELS[st]}
              </option>
            ))}
          </Select>
          <Input
            label={`Date de l’étape ${i + 1}`}
            hintText="Facultative : quand elle a eu lieu ou doit avoir lieu."
            {...stateOf(`etapes.${i}.date`)}
            nativeInputProps={{
              id: fieldId(`etapes.${i}.date`),
              type: 'date',
              value: s.date ?? '',
              onChange: (e) => setStep(i, { date: e.target.value || null }),
            }}
          />
          <Textarea
            label={`Note sur l’étape ${i + 1}`}
            {...stateOf(`etapes.${i}.note`)}
            nativeTextAreaProps={{
              id: fieldId(`etapes.${i}.note`),
              rows: 2,
              value: s.note ?? '',
              onChange: (e) => setStep(i, { note: e.target.value || null }),
            }}
          />
          <Input
            label={`Adresse d’un document de l’étape ${i + 1}`}
            hintText="Facultative : https://…"
            {...stateOf(`etapes.${i}.document.url`)}
            nativeInputProps={{
              id: fieldId(`etapes.${i}.document.url`),
              type: 'url',
              value: s.document?.url ?? '',
              onChange: (e) =>
                setStep(i, {
                  document: e.target.value
                    ? {
                        notice: s.document?.notice ?? null,
                        titre: s.document?.titre ?? null,
                        url: e.target.value,
                      }
                    : s.document?.notice
                      ? { ...s.document, url: null }
                      : null,
                }),
            }}
          />
          {actions.length > 0 && (
            <Checkbox
              legend={`Actions de l’étape ${i + 1}`}
              small
              options={actions.map((a) => ({
                label: a.titre,
                nativeInputProps: {
                  checked: s.actions.includes(a.id),
                  onChange: (e) =>
                    setStep(i, {
                      actions: e.target.checked ? [...s.actions, a.id] : s.actions.filter((x) => x !== a.id),
                    }),
                },
              }))}
            />
          )}
          <Button
            priority="tertiary"
            size="small"
            iconId="delete-line"
            onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
          >
            Retirer l’étape {i + 1}
          </Button>
        </fieldset>
      ))}
      <p>
        <Button
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => {
            setModele('libre');
            setSteps((all) => [
              ...all,
              {
                code: newCode(all),
                libelle: '',
                statut: 'a_venir',
                date: null,
                note: null,
                document: null,
                actions: [],
              },
            ]);
          }}
        >
          Ajouter une étape
        </Button>
      </p>
      <ButtonGroup>
        <li>
          <Button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer le cycle de projet'}
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
