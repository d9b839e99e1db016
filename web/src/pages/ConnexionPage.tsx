import { type FormEvent, useState } from 'react';
import { ApiError, requestJson } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { Loading } from '../components/StateViews.tsx';
import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';
import { Alert, Button, Input } from '../ui/index.ts';
import type { Me } from './accounts/accountApi.ts';
import { MyAccount } from './accounts/MyAccount.tsx';
import { OidcSignIn } from './accounts/OidcSignIn.tsx';

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function returnAddress(): string {
  const back = new URLSearchParams(window.location.search).get('retour') ?? '/';
  return back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

function LoginForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestJson('/api/auth/connexion', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, motDePasse: password }),
      });
      window.location.assign(returnAddress());
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'La connexion a échoué'));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? 'connexion-erreur' : undefined}>
      {error && (
        <div id="connexion-erreur" role="alert" className="u-mb-3">
          <Alert severity="error" small description={error.message} />
        </div>
      )}
      <Input
        label="Adresse électronique"
        state={error?.champs.email ? 'error' : 'default'}
        stateRelatedMessage={error?.champs.email}
        nativeInputProps={{
          type: 'email',
          autoComplete: 'username',
          required: true,
          value: email,
          onChange: (e) => setEmail(e.target.value),
        }}
      />
      <Input
        label="Mot de passe"
        state={error?.champs.motDePasse ? 'error' : 'default'}
        stateRelatedMessage={error?.champs.motDePasse}
        nativeInputProps={{
          type: 'password',
          autoComplete: 'current-password',
          required: true,
          value: password,
          onChange: (e) => setPassword(e.target.value),
        }}
      />
      <p className="u-text-sm">
        <Link href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <Button type="submit" disabled={busy}>
        {busy ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  );
}

/** Sign in with an account, or see who is signed in and manage one's own account. */
export default function ConnexionPage() {
  const me = useApi<Me>('/api/moi');
  useTitle(me.data ? 'Mon compte' : 'Connexion');
  return (
    <div className="u-my-4">
      <h1>{me.data ? 'Mon compte' : 'Connexion'}</h1>
      {me.status === 'loading' && <Loading />}
      {me.data && <MyAccount me={me.data} />}
      {me.status === 'error' && (
        <>
          <p>
            La consultation est ouverte à toutes et à tous ; un compte permet de modifier le registre, le
            centre de ressources ou de gérer la plateforme selon son rôle. Les comptes sont créés par les
            administrateurs de la plateforme.
          </p>
          <OidcSignIn returnTo={returnAddress()} />
          <LoginForm />
        </>
      )}
    </div>
  );
}
