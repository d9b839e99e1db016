import { type FormEvent, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { Alert, Button, Input } from '../../ui/index.ts';
import { asApiError, jsonBody } from './accountApi.ts';
import { NewPasswordFields } from './PasswordFields.tsx';

/** « Changer mon mot de passe »: the current one, then the new one twice. */
export function PasswordChangeForm() {
  const [ancien, setAncien] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [copy, setCopy] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setError(null);
    setMismatch(nouveau !== copy);
    if (nouveau !== copy) return;
    setBusy(true);
    try {
      await requestJson('/api/moi/mot-de-passe', { method: 'PUT', ...jsonBody({ ancien, nouveau }) });
      setAncien('');
      setNouveau('');
      setCopy('');
      setDone(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const champs = error?.champs ?? {};
  const general = error && !champs.ancien && !champs.nouveau ? error.message : null;
  return (
    <section aria-labelledby="mot-de-passe" className="u-mt-6">
      <h2 id="mot-de-passe">Changer mon mot de passe</h2>
      <form onSubmit={submit} noValidate aria-labelledby="mot-de-passe">
        <div aria-live="polite">
          {done && <Alert severity="success" small description="Mot de passe changé." />}
          {general && <Alert severity="error" small description={general} />}
        </div>
        <Input
          label="Mot de passe actuel"
          state={champs.ancien ? 'error' : 'default'}
          stateRelatedMessage={champs.ancien}
          nativeInputProps={{
            id: 'mdp-ancien',
            type: 'password',
            autoComplete: 'current-password',
            value: ancien,
            onChange: (e) => setAncien(e.target.value),
          }}
        />
        <NewPasswordFields
          idPrefix="mdp"
          value={nouveau}
          copy={copy}
          onValue={setNouveau}
          onCopy={setCopy}
          serverError={champs.nouveau}
          mismatch={mismatch}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Enregistrement…' : 'Changer le mot de passe'}
        </Button>
      </form>
    </section>
  );
}
