import { type FormEvent, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Breadcrumb, Button } from '../../ui/index.ts';
import { asApiError, jsonBody } from './accountApi.ts';
import { NewPasswordFields } from './PasswordFields.tsx';

function linkToken(): string {
  return new URLSearchParams(window.location.search).get('jeton')?.trim() ?? '';
}

/** /connexion/reinitialisation?jeton=…: the page the e-mailed link opens, to choose a new password. */
export default function ResetPasswordPage() {
  useTitle('Nouveau mot de passe');
  const [jeton] = useState(linkToken);
  const [password, setPassword] = useState('');
  const [copy, setCopy] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(password !== copy);
    if (password !== copy) return;
    setBusy(true);
    try {
      await requestJson('/api/auth/reinitialisation', {
        method: 'POST',
        ...jsonBody({ jeton, motDePasse: password }),
      });
      setDone(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const passwordError = error?.champs.motDePasse;
  // Anything but a refused password means the link itself is no good (unknown, used, expired).
  const badLink = !jeton || (error !== null && !passwordError && error.status !== 0 && error.status !== 429);
  return (
    <div className="u-my-4">
      <Breadcrumb
        currentPageLabel="Nouveau mot de passe"
        segments={[{ label: 'Connexion', linkProps: { href: '/connexion' } }]}
      />
      <h1>Choisir un nouveau mot de passe</h1>
      <div aria-live="polite" className="u-mb-3">
        {done && (
          <Alert
            severity="success"
            title="Mot de passe changé"
            description={
              <p>
                Vous pouvez maintenant <Link href="/connexion">vous connecter</Link> avec votre nouveau mot de
                passe.
              </p>
            }
          />
        )}
        {!done && badLink && (
          <Alert
            severity="error"
            title="Lien de réinitialisation non valable"
            description={
              <p>
                {error?.message ?? 'Ce lien est incomplet.'} Les liens ne servent qu’une fois et pendant un
                temps limité : <Link href="/connexion/mot-de-passe-oublie">demandez-en un nouveau</Link>.
              </p>
            }
          />
        )}
        {!done && error && !badLink && !passwordError && (
          <Alert severity="error" small description={error.message} />
        )}
      </div>
      {!done && jeton && (
        <form onSubmit={submit} noValidate aria-label="Nouveau mot de passe">
          <NewPasswordFields
            idPrefix="reinit"
            value={password}
            copy={copy}
            onValue={setPassword}
            onCopy={setCopy}
            serverError={passwordError}
            mismatch={mismatch}
          />
          <Button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer le mot de passe'}
          </Button>
        </form>
      )}
    </div>
  );
}
