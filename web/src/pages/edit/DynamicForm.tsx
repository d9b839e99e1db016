import {
  CARRIER_TYPES,
  DYNAMIC_KIND_LABELS,
  DYNAMIC_KINDS,
  STATUS_LABELS,
  STATUSES,
} from '@domain/registry/kinds.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CARRIER_LABELS } from '../../lib/labels.ts';
import { Button, ButtonGroup, Fieldset, FieldsetItem, Hint, Input, Select } from '../../ui/index.ts';
import type { Draft } from './draft.ts';
import { anchorFor, describePath, errorState, type FieldErrors, messageFor } from './fieldErrors.ts';
import { LinksEditor } from './LinksEditor.tsx';
import { EventsEditor, SourcesEditor } from './ListEditors.tsx';
import { ContactsEditor, CoordinationEditor } from './PeopleEditors.tsx';
import { PerimeterPicker } from './PerimeterPicker.tsx';

interface Props {
  draft: Draft;
  onChange: (d: Draft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  errors: FieldErrors;
  failure: string | null;
  saving: boolean;
  submitLabel: string;
}

export function DynamicForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  errors,
  failure,
  saving,
  submitLabel,
}: Props) {
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const err = (path: string) => messageFor(errors, path);
  return (
    <form
      noValidate
      aria-labelledby="formulaire-titre"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id="formulaire-titre" className="u-sr-only">
        Formulaire
      </h2>
      {failure && (
        <ErrorSummary
          key={failure + Object.keys(errors).join()}
          title="La fiche n’a pas été enregistrée"
          errors={errors}
          message={failure}
          describe={describePath}
          href={anchorFor}
        />
      )}
      <Hint as="p">
        Obligatoires : le type, le nom, un périmètre, et un statut ou au moins un événement daté.
      </Hint>
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-4">
          <Select
            label="Type de dynamique"
            nativeSelectProps={{
              id: 'champ-type',
              value: draft.type,
              onChange: (e) => set({ type: e.target.value as Draft['type'] }),
            }}
            {...errorState(err('type'))}
          >
            <option value="">Choisir un type</option>
            {DYNAMIC_KINDS.map((k) => (
              <option key={k} value={k}>
                {DYNAMIC_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-8">
          <Input
            label="Nom"
            nativeInputProps={{
              id: 'champ-nom',
              value: draft.nom,
              onChange: (e) => set({ nom: e.target.value }),
            }}
            {...errorState(err('nom'))}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Select
            label="Statut"
            hint="Sans événement daté"
            nativeSelectProps={{
              id: 'champ-statut',
              value: draft.statut,
              onChange: (e) => set({ statut: e.target.value as Draft['statut'] }),
            }}
            {...errorState(err('statut'))}
          >
            <option value="">Déduit des événements</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-4">
          <Input
            label="Date de début"
            nativeInputProps={{
              id: 'champ-dateDebut',
              type: 'date',
              value: draft.dateDebut,
              onChange: (e) => set({ dateDebut: e.target.value }),
            }}
            {...errorState(err('dateDebut'))}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Input
            label="Date de fin"
            nativeInputProps={{
              id: 'champ-dateFin',
              type: 'date',
              value: draft.dateFin,
              onChange: (e) => set({ dateFin: e.target.value }),
            }}
            {...errorState(err('dateFin'))}
          />
        </div>
      </div>

      <Fieldset
        legendId="porteur-legende"
        className="u-mt-3"
        legend={
          <>
            Porteur <Hint>Facultatif</Hint>
          </>
        }
      >
        <FieldsetItem className="u-grid u-grid--gutters">
          <div className="u-col-12 u-col-md-6">
            <Input
              label="Nom du porteur"
              nativeInputProps={{
                id: 'champ-porteur-nom',
                value: draft.porteurNom,
                onChange: (e) => set({ porteurNom: e.target.value }),
              }}
              {...errorState(err('porteur.nom') ?? (errors.porteur || undefined))}
            />
          </div>
          <div className="u-col-12 u-col-md-3">
            <Select
              label="Type de porteur"
              nativeSelectProps={{
                id: 'champ-porteur-type',
                value: draft.porteurType,
                onChange: (e) => set({ porteurType: e.target.value as Draft['porteurType'] }),
              }}
              {...errorState(err('porteur.type'))}
            >
              <option value="">Choisir</option>
              {CARRIER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {CARRIER_LABELS[t]}
                </option>
              ))}
            </Select>
          </div>
          <div className="u-col-12 u-col-md-3">
            <Input
              label="Code du porteur"
              hintText="INSEE, SIREN ou FINESS"
              nativeInputProps={{
                id: 'champ-porteur-code',
                value: draft.porteurCode,
                onChange: (e) => set({ porteurCode: e.target.value }),
              }}
              {...errorState(err('porteur.code'))}
            />
          </div>
        </FieldsetItem>
      </Fieldset>

      <PerimeterPicker
        value={draft.perimetre}
        onChange={(perimetre) => set({ perimetre })}
        error={err('perimetre')}
      />
      <EventsEditor rows={draft.evenements} onChange={(evenements) => set({ evenements })} errors={errors} />
      <SourcesEditor rows={draft.sources} onChange={(sources) => set({ sources })} errors={errors} />
      <CoordinationEditor
        rows={draft.coordination}
        onChange={(coordination) => set({ coordination })}
        errors={errors}
      />
      <ContactsEditor rows={draft.contacts} onChange={(contacts) => set({ contacts })} errors={errors} />
      <LinksEditor rows={draft.liens} onChange={(liens) => set({ liens })} errors={errors} />

      <p className="u-text-sm">
        Les signataires et champs spécifiques de la fiche sont conservés tels quels.
      </p>
      <ButtonGroup>
        <li>
          <Button type="submit" disabled={saving}>
            {saving ? 'Enregistrement…' : submitLabel}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}
