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
} from '@domain/actions/vocabulary.ts';
import { THEME_LABELS } from '@domain/resources/vocabulary.ts';
import { useState } from 'react';
import { ApiError, getJson } from '../../api/client.ts';
import type { TerritoryItem } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { Button, ButtonGroup, Checkbox, Fieldset, Input, Select, Textarea } from '../../ui/index.ts';
import { errorState } from '../edit/fieldErrors.ts';
import type { ActionDraft, DraftField } from './draft.ts';
import { ListEditor } from './ListEditor.tsx';

export const FIELD_LABELS: Record<DraftField, string> = {
  type: 'Type de fiche',
  titre: 'Titre',
  resume: 'Résumé',
  communes: 'Communes',
  epci: 'Intercommunalités',
  quartiers: 'Quartiers prioritaires',
  echelle: 'Échelle',
  milieu: 'Milieu',
  qpv: 'En quartier prioritaire',
  impliqueVille: 'Implication de la ville',
  publics: 'Publics',
  politiques: 'Politiques publiques liées',
  axesOttawa: 'Axes de la charte d’Ottawa',
  etapes: 'Étapes du projet',
  themes: 'Thèmes',
  determinants: 'Déterminants de santé',
  dynamiques: 'Dynamiques impliquées',
  financeurs: 'Financeurs',
  partenaires: 'Partenaires opérationnels',
  debut: 'Début',
  fin: 'Fin',
  evaluation: 'Évaluation',
  resultats: 'Résultats',
  ressources: 'Ressources liées',
};

const fieldId = (f: string) => `champ-${f}`;

interface Props {
  draft: ActionDraft;
  onChange: (d: ActionDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** Server messages by form field. */
  errors: Record<string, string>;
  failure: string | null;
  saving: boolean;
  submitLabel: string;
}

/** Every field of the analysis grid; the server checks and derives, and its messages show by field. */
export function ActionForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  errors,
  failure,
  saving,
  submitLabel,
}: Props) {
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [placed, setPlaced] = useState('');
  // A territory found by name goes to the list of its level; the codes stay editable by hand.
  const place = (t: TerritoryItem) => {
    const field =
      t.type === 'commune' ? 'communes' : t.type === 'epci' ? 'epci' : t.type === 'qpv' ? 'quartiers' : null;
    if (!field) {
      setPlaced(`${t.nom} : une action se situe par communes, intercommunalités ou quartiers prioritaires.`);
      return;
    }
    const codes = draft[field]
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (!codes.includes(t.code)) set({ [field]: [...codes, t.code].join(', ') });
    setPlaced(`${t.nom} (${t.code}) ajouté(e) au territoire de l’action.`);
  };
  const set = (patch: Partial<ActionDraft>) => onChange({ ...draft, ...patch });
  const state = (f: DraftField) => errorState(errors[f]);
  const text = (f: DraftField, extra: { hintText?: string; type?: string } = {}) => (
    <Input
      label={FIELD_LABELS[f]}
      hintText={extra.hintText}
      {...state(f)}
      nativeInputProps={{
        id: fieldId(f),
        type: extra.type ?? 'text',
        value: draft[f] as string,
        onChange: (e) => set({ [f]: e.target.value }),
      }}
    />
  );
  const choice = (f: DraftField, labels: Record<string, string>, empty: string) => (
    <Select
      label={FIELD_LABELS[f]}
      {...state(f)}
      nativeSelectProps={{
        id: fieldId(f),
        value: draft[f] as string,
        onChange: (e) => set({ [f]: e.target.value }),
      }}
    >
      {empty && <option value="">{empty}</option>}
      {Object.entries(labels).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
  const boxes = (f: DraftField, labels: Record<string, string>) => {
    const chosen = draft[f] as string[];
    return (
      <Checkbox
        id={fieldId(f)}
        legend={FIELD_LABELS[f]}
        orientation="horizontal"
        small
        {...state(f)}
        options={Object.entries(labels).map(([v, l]) => ({
          label: l,
          nativeInputProps: {
            checked: chosen.includes(v),
            onChange: (e) => set({ [f]: e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v) }),
          },
        }))}
      />
    );
  };
  const suggest = async () => {
    const q = new URLSearchParams({ communes: draft.communes, epci: draft.epci, qpv: draft.quartiers });
    try {
      const s = await getJson<{ milieu: string | null; motif: string }>(`/api/actions/milieu?${q}`);
      if (s.milieu) set({ milieu: s.milieu });
      setSuggestion(
        `Milieu suggéré : ${s.milieu ? SETTING_LABELS[s.milieu as 'urbain'] : 'aucun'} (${s.motif}).`,
      );
    } catch (e) {
      setSuggestion(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {failure && (
        <ErrorSummary
          title="L’action n’a pas été enregistrée"
          errors={errors}
          message={failure}
          describe={(f) => FIELD_LABELS[f as DraftField] ?? f}
          href={(f) => `#${fieldId(f)}`}
        />
      )}
      <Fieldset legend="La fiche">
        {choice('type', ACTION_TYPE_LABELS, '')}
        {text('titre')}
        <Textarea
          label={FIELD_LABELS.resume}
          {...state('resume')}
          nativeTextAreaProps={{
            id: fieldId('resume'),
            value: draft.resume,
            onChange: (e) => set({ resume: e.target.value }),
          }}
        />
      </Fieldset>
      <Fieldset legend="Territoire et échelle">
        <TerritorySearch
          label="Ajouter un territoire"
          hint="Nom ou code d’une commune, d’une intercommunalité ou d’un quartier prioritaire"
          onSelect={place}
        />
        <output className="u-sr-only" aria-live="polite">
          {placed}
        </output>
        {text('communes', { hintText: 'Codes INSEE séparés par des virgules, par exemple 42218' })}
        {text('epci', { hintText: 'Numéros SIREN séparés par des virgules' })}
        {text('quartiers', { hintText: 'Codes des QPV séparés par des virgules' })}
        {choice('echelle', SCALE_LABELS, 'Non renseignée')}
        {choice('milieu', SETTING_LABELS, 'À suggérer d’après le territoire')}
        <p>
          <Button priority="secondary" size="small" onClick={() => void suggest()}>
            Suggérer le milieu d’après le territoire
          </Button>
        </p>
        {suggestion && <output className="odts-block u-mb-2">{suggestion}</output>}
        {choice('qpv', { oui: 'Oui', non: 'Non' }, 'Déduit des quartiers saisis')}
      </Fieldset>
      <Fieldset legend="Publics, thèmes et démarche">
        {boxes('publics', ACTION_AUDIENCE_LABELS)}
        {boxes('themes', THEME_LABELS)}
        {boxes('determinants', DETERMINANT_LABELS)}
        {boxes('axesOttawa', OTTAWA_AXIS_LABELS)}
        {boxes('etapes', PROJECT_STEP_LABELS)}
        {boxes('politiques', POLICY_LABELS)}
      </Fieldset>
      <Fieldset legend="Acteurs et financements">
        <ListEditor
          id={fieldId('dynamiques')}
          legend={FIELD_LABELS.dynamiques}
          error={errors.dynamiques}
          rows={draft.dynamiques}
          empty={{ id: '', role: 'partenaire' }}
          onChange={(dynamiques) => set({ dynamiques })}
          columns={[
            { key: 'id', label: 'Identifiant de la dynamique' },
            { key: 'role', label: 'Rôle', options: DYNAMIC_ROLE_LABELS },
          ]}
          addLabel="Ajouter une dynamique"
        />
        <ListEditor
          id={fieldId('financeurs')}
          legend={FIELD_LABELS.financeurs}
          error={errors.financeurs}
          rows={draft.financeurs}
          empty={{ type: 'ARS', nom: '', montant: '' }}
          onChange={(financeurs) => set({ financeurs })}
          columns={[
            { key: 'type', label: 'Type de financeur', options: FUNDER_TYPE_LABELS },
            { key: 'nom', label: 'Nom' },
            { key: 'montant', label: 'Montant (euros)' },
          ]}
          addLabel="Ajouter un financeur"
        />
        <ListEditor
          id={fieldId('partenaires')}
          legend={FIELD_LABELS.partenaires}
          error={errors.partenaires}
          rows={draft.partenaires}
          empty={{ nom: '', type: '' }}
          onChange={(partenaires) => set({ partenaires })}
          columns={[
            { key: 'nom', label: 'Nom du partenaire' },
            { key: 'type', label: 'Type', options: { '': 'Non précisé', ...PARTNER_TYPE_LABELS } },
          ]}
          addLabel="Ajouter un partenaire"
        />
        {choice('impliqueVille', { oui: 'Oui', non: 'Non' }, 'Déduit des partenaires (une commune)')}
      </Fieldset>
      <Fieldset legend="Durée, évaluation et ressources">
        {text('debut', { type: 'date' })}
        {text('fin', { type: 'date', hintText: 'Vide si l’action est en cours' })}
        <Textarea
          label={FIELD_LABELS.evaluation}
          {...state('evaluation')}
          nativeTextAreaProps={{
            id: fieldId('evaluation'),
            value: draft.evaluation,
            onChange: (e) => set({ evaluation: e.target.value }),
          }}
        />
        <Textarea
          label={FIELD_LABELS.resultats}
          {...state('resultats')}
          nativeTextAreaProps={{
            id: fieldId('resultats'),
            value: draft.resultats,
            onChange: (e) => set({ resultats: e.target.value }),
          }}
        />
        {text('ressources', {
          hintText: 'Identifiants de notices du centre de ressources, séparés par des virgules',
        })}
      </Fieldset>
      <ButtonGroup>
        <li>
          <Button type="submit" disabled={saving}>
            {saving ? 'Enregistrement…' : submitLabel}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}
