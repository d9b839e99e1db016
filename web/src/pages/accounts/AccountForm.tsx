import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, Checkbox, Input, Select, Textarea } from '../../ui/index.ts';
import { type AccountDraft, fieldError } from './accountDraft.ts';
import { ROLES, roleLabel } from './labels.ts';
import { RegionPicker } from './RegionPicker.tsx';

const FIELD_NAMES: Record<string, string> = {
  email: 'Adresse électronique',
  nom: 'Nom',
  role: 'Rôle',
  regions: 'Régions',
  dynamiques: 'Dynamiques',
  motDePasse: 'Mot de passe',
  actif: 'État du compte',
};

const fieldOf = (path: string) => path.split('.')[0] ?? path;
const describe = (path: string) => {
  const [field, rank] = path.split('.');
  const name = FIELD_NAMES[field ?? ''] ?? path;
  return rank === undefined ? name : `${name}, ${Number(rank) + 1}ᵉ élément`;
};

/** The form of an account: creation (e-mail, optional password) or edit (state). */
export function AccountForm({
  mode,
  draft,
  onChange,
  onSubmit,
  error,
  busy,
}: {
  mode: 'create' | 'edit';
  draft: AccountDraft;
  onChange: (d: AccountDraft) => void;
  onSubmit: () => void;
  error: ApiError | null;
  busy: boolean;
}) {
  const champs = error?.champs ?? {};
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const state = (field: string) => ({
    state: fieldError(champs, field) ? ('error' as const) : ('default' as const),
    stateRelatedMessage: fieldError(champs, field),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === 'create' ? 'Nouveau compte' : 'Modifier le compte'}
    >
      {error && (
        <ErrorSummary
          title={mode === 'create' ? 'Le compte n’a pas été créé' : 'Le compte n’a pas été modifié'}
          errors={champs}
          message={error.message}
          describe={describe}
          href={(path) => `#champ-${fieldOf(path)}`}
        />
      )}
      {mode === 'create' && (
        <Input
          label="Adresse électronique"
          hintText="Elle sert d’identifiant de connexion."
          {...state('email')}
          nativeInputProps={{
            id: 'champ-email',
            type: 'email',
            autoComplete: 'off',
            required: true,
            value: draft.email,
            onChange: (e) => set('email', e.target.value),
          }}
        />
      )}
      <Input
        label="Nom"
        hintText="Facultatif : prénom et nom, ou nom du service."
        {...state('nom')}
        nativeInputProps={{ id: 'champ-nom', value: draft.nom, onChange: (e) => set('nom', e.target.value) }}
      />
      <Select
        label="Rôle"
        {...state('role')}
        nativeSelectProps={{
          id: 'champ-role',
          value: draft.role,
          onChange: (e) => set('role', e.target.value),
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </Select>
      <RegionPicker
        value={draft.regions}
        onChange={(codes) => set('regions', codes)}
        error={fieldError(champs, 'regions')}
        hint={
          draft.role === 'equipe_regionale'
            ? 'Une équipe régionale modifie les dynamiques de ces régions. Saisissez au moins deux lettres.'
            : 'Saisissez au moins deux lettres du nom'
        }
      />
      {draft.role === 'coordinateur' && (
        <Textarea
          label="Dynamiques coordonnées"
          hintText="Identifiants des dynamiques que cette personne peut modifier, un par ligne."
          {...state('dynamiques')}
          nativeTextAreaProps={{
            id: 'champ-dynamiques',
            rows: 3,
            value: draft.dynamiques,
            onChange: (e) => set('dynamiques', e.target.value),
          }}
        />
      )}
      {mode === 'create' && (
        <Input
          label="Mot de passe initial"
          hintText="Facultatif, au moins 12 caractères. Sans mot de passe, la personne choisit le sien avec « Mot de passe oublié »."
          {...state('motDePasse')}
          nativeInputProps={{
            id: 'champ-motDePasse',
            type: 'password',
            autoComplete: 'new-password',
            value: draft.motDePasse,
            onChange: (e) => set('motDePasse', e.target.value),
          }}
        />
      )}
      {mode === 'edit' && (
        <Checkbox
          id="champ-actif"
          legend="État du compte"
          hintText="Un compte désactivé ne peut plus se connecter ; son historique est conservé."
          options={[
            {
              label: 'Compte actif',
              nativeInputProps: { checked: draft.actif, onChange: (e) => set('actif', e.target.checked) },
            },
          ]}
        />
      )}
      <Button type="submit" disabled={busy} className="u-mt-4">
        {busy ? 'Enregistrement…' : mode === 'create' ? 'Créer le compte' : 'Enregistrer les modifications'}
      </Button>
    </form>
  );
}
