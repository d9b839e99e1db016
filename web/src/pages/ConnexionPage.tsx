import { type FormEvent, useState } from 'react';
import { ApiError, requestJson } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { Loading } from '../components/StateViews.tsx';
import { useTitle } from '../lib/useTitle.ts';
import { Alert, Button, Input } from '../ui/index.ts';

interface Me {
  email: string;
  nom?: string;
  role: string;
  regions: string[];
  permissions: string[];
}

const ROLE_LABELS: Record<string, string> = {
  coordinateur: 'coordination',
  equipe_regionale: 'équipe régionale',
  documentaliste: 'documentaliste',
  administrateur: 'administration',
};

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
        nativeInputProps={{
          type: 'password',
          autoComplete: 'current-password',
          required: true,
          value: password,
          onChange: (e) => setPassword(e.target.value),
        }}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  );
}

function Account({ me }: { me: Me }) {
  async function logout() {
    await requestJson('/api/auth/deconnexion', { method: 'POST' }).catch(() => {});
    window.location.assign('/');
  }
  return (
    <>
      <p>
        Vous êtes connecté·e en tant que <strong>{me.email}</strong> (rôle : {ROLE_LABELS[me.role] ?? me.role}
        {me.regions.length > 0 ? `, régions ${me.regions.join(', ')}` : ''}).
      </p>
      {me.permissions.includes('audit') && (
        <p>
          <a href="/journal">Journal des modifications</a> : qui a changé quoi, quand, et d’où.
        </p>
      )}
      <Button priority="secondary" onClick={() => void logout()}>
        Se déconnecter
      </Button>
    </>
  );
}

/** Sign in with an account, or see who is signed in and sign out. */
export default function ConnexionPage() {
  const me = useApi<Me>('/api/moi');
  useTitle(me.data ? 'Mon compte' : 'Connexion');
  return (
    <div className="u-my-4">
      <h1>{me.data ? 'Mon compte' : 'Connexion'}</h1>
      {me.status === 'loading' && <Loading />}
      {me.data && <Account me={me.data} />}
      {me.status === 'error' && (
        <>
          <p>
            La consultation est ouverte à toutes et à tous ; un compte permet de modifier le registre, le
            centre de ressources ou de gérer la plateforme selon son rôle. Les comptes sont créés par les
            administrateurs (<code>odts users add</code>).
          </p>
          <LoginForm />
        </>
      )}
    </div>
  );
}
