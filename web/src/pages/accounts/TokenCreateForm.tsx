import { type FormEvent, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, Input, Select } from '../../ui/index.ts';
import { asApiError, type CreatedToken, jsonBody } from './accountApi.ts';
import { fieldError } from './accountDraft.ts';
import { ROLES, roleLabel } from './labels.ts';
import { RegionPicker } from './RegionPicker.tsx';

const NAMES: Record<string, string> = { libelle: 'Libellé', role: 'Rôle', regions: 'Régions' };

/** Creates an API token for a script: a label, the role it acts with, its régions. */
export function TokenCreateForm({ onCreated }: { onCreated: (t: CreatedToken) => void }) {
  const [libelle, setLibelle] = useState('');
  const [role, setRole] = useState<string>('equipe_regionale');
  const [regions, setRegions] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const champs = error?.champs ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await requestJson<CreatedToken>('/api/jetons', {
        method: 'POST',
        ...jsonBody({ libelle: libelle.trim(), role, regions }),
      });
      setLibelle('');
      setRegions([]);
      onCreated(data);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="creer-jeton">
      <h3 id="creer-jeton">Créer un jeton</h3>
      {error && (
        <ErrorSummary
          title="Le jeton n’a pas été créé"
          errors={champs}
          message={error.message}
          describe={(p) => NAMES[p.split('.')[0] ?? ''] ?? p}
          href={(p) => `#jeton-${p.split('.')[0]}`}
        />
      )}
      <Input
        label="Libellé du jeton"
        hintText="Ce que fait le script qui l’utilise, pour le reconnaître dans la liste."
        state={fieldError(champs, 'libelle') ? 'error' : 'default'}
        stateRelatedMessage={fieldError(champs, 'libelle')}
        nativeInputProps={{
          id: 'jeton-libelle',
          value: libelle,
          onChange: (e) => setLibelle(e.target.value),
        }}
      />
      <Select
        label="Rôle du jeton"
        state={fieldError(champs, 'role') ? 'error' : 'default'}
        stateRelatedMessage={fieldError(champs, 'role')}
        nativeSelectProps={{ id: 'jeton-role', value: role, onChange: (e) => setRole(e.target.value) }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </Select>
      <RegionPicker
        id="jeton-regions"
        value={regions}
        onChange={setRegions}
        error={fieldError(champs, 'regions')}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Création…' : 'Créer le jeton'}
      </Button>
    </form>
  );
}
