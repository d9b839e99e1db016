import { CAMPAIGN_FIELD_LABELS, CAMPAIGN_FIELDS, type CampaignField } from '@domain/campaigns/vocabulary.ts';
import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import { Button, ButtonGroup, Checkbox, Input, Select } from '../../ui/index.ts';
import { errorState } from '../edit/fieldErrors.ts';
import type { Template } from './campaignApi.ts';
import { applyTemplate, type CampaignDraft } from './draft.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { RecipientFields } from './RecipientFields.tsx';
import { ScopeFields } from './ScopeFields.tsx';

type Props = {
  draft: CampaignDraft;
  onChange: (d: CampaignDraft) => void;
  templates: Template[];
  errors: Record<string, string>;
  saving: boolean;
  onSubmit: () => void;
  onCancel: () => void;
};

const toggle = <T,>(list: T[], value: T, on: boolean): T[] =>
  on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);

/** `state` props of a field the server refused. */
const stateOf = errorState;

/** The campaign form: template, name, scope, kinds, fields, questions, dates, message, recipients. */
export function CampaignForm({ draft, onChange, templates, errors, saving, onSubmit, onCancel }: Props) {
  const text = (field: 'nom' | 'ouverture' | 'cloture' | 'message', value: string) =>
    onChange({ ...draft, [field]: value });
  return (
    <form
      noValidate
      aria-label="Nouvelle campagne"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Select
        label="Partir d’un modèle"
        hint="Le modèle remplit les types, les champs, les questions et le message ; tout reste modifiable"
        nativeSelectProps={{
          id: 'champ-modele',
          value: draft.modele,
          onChange: (e) => {
            const t = templates.find((x) => x.id === e.target.value);
            onChange(t ? applyTemplate(draft, t) : { ...draft, modele: '' });
          },
        }}
      >
        <option value="">Aucun modèle</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.nom}
          </option>
        ))}
      </Select>
      {draft.modele && (
        <p className="u-text-sm">{templates.find((t) => t.id === draft.modele)?.description}</p>
      )}
      <Input
        label="Nom de la campagne"
        {...stateOf(errors.nom)}
        nativeInputProps={{
          id: 'champ-nom',
          value: draft.nom,
          onChange: (e) => text('nom', e.target.value),
        }}
      />
      <ScopeFields draft={draft} onChange={onChange} errors={errors} />
      <Checkbox
        id="champ-types"
        legend="Types de dynamiques"
        hintText="Les dynamiques de ces types dans le périmètre sont soumises aux destinataires"
        orientation="horizontal"
        {...stateOf(errors.types)}
        options={DYNAMIC_KINDS.map((k: DynamicKind) => ({
          label: <abbr title={DYNAMIC_KIND_LABELS[k]}>{k === 'CONTRAT_VILLE' ? 'Contrat de ville' : k}</abbr>,
          nativeInputProps: {
            checked: draft.types.includes(k),
            onChange: (e) => onChange({ ...draft, types: toggle(draft.types, k, e.target.checked) }),
          },
        }))}
      />
      <Checkbox
        id="champ-champs"
        legend="Champs de la fiche à confirmer"
        orientation="horizontal"
        {...stateOf(errors.champs)}
        options={CAMPAIGN_FIELDS.map((f: CampaignField) => ({
          label: CAMPAIGN_FIELD_LABELS[f],
          nativeInputProps: {
            checked: draft.champs.includes(f),
            onChange: (e) => onChange({ ...draft, champs: toggle(draft.champs, f, e.target.checked) }),
          },
        }))}
      />
      <QuestionEditor
        questions={draft.questions}
        onChange={(questions) => onChange({ ...draft, questions })}
        errors={errors}
      />
      <h2 className="u-h4 u-mt-4">Calendrier et message</h2>
      <div className="odts-dates">
        <div>
          <Input
            label="Ouverture"
            {...stateOf(errors.ouverture)}
            nativeInputProps={{
              id: 'champ-ouverture',
              type: 'date',
              value: draft.ouverture,
              onChange: (e) => text('ouverture', e.target.value),
            }}
          />
        </div>
        <div>
          <Input
            label="Clôture"
            hintText="Les liens personnels expirent ce jour-là"
            {...stateOf(errors.cloture)}
            nativeInputProps={{
              id: 'champ-cloture',
              type: 'date',
              value: draft.cloture,
              onChange: (e) => text('cloture', e.target.value),
            }}
          />
        </div>
      </div>
      <Input
        label="Message d’invitation"
        hintText="Le lien personnel et la liste des dynamiques de chaque destinataire s’ajoutent au message"
        textArea
        {...stateOf(errors.message)}
        nativeTextAreaProps={{
          id: 'champ-message',
          rows: 7,
          value: draft.message,
          onChange: (e) => text('message', e.target.value),
        }}
      />
      <RecipientFields draft={draft} onChange={onChange} errors={errors} />
      <ButtonGroup className="u-mt-4">
        <li>
          <Button type="submit" disabled={saving}>
            {saving ? 'Création en cours…' : 'Créer la campagne'}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
      <p className="u-text-sm u-mt-1">
        Rien n’est envoyé à la création : les invitations partent depuis le tableau de bord, après
        confirmation.
      </p>
    </form>
  );
}
