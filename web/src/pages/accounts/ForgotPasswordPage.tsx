import { type FormEvent, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Breadcrumb, Button, Input } from '../../ui/index.ts';
import { asApiError, isMissingRoute, jsonBody } from './accountApi.ts';

type Outcome = { kind: 'sent' } | { kind: 'unavailable' } | { kind: 'error'; error: ApiError };

/** /connexion/mot-de-passe-oublie: asks for a link to choose a new password, sent by e-mail. */
export default function ForgotPasswordPage() {
  useTitle('Mot de passe oublié');
  const [email, setEmail] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      await requestJson('/api/auth/mot-de-passe-oublie', {
        method: 'POST',
        ...jsonBody({ email: email.trim() }),
      });
      setOutcome({ kind: 'sent' });
    } catch (err) {
      setOutcome(isMissingRoute(err) ? { kind: 'unavailable' } : { kind: 'error', error: asApiError(err) });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = outcome?.kind === 'error' ? outcome.error.champs.email : undefined;
  return (
    <div className="u-my-4">
      <Breadcrumb
        currentPageLabel="Mot de passe oublié"
        segments={[{ label: 'Connexion', linkProps: { href: '/connexion' } }]}
      />
      <h1>Mot de passe oublié</h1>
      <p>
        Indiquez l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de
        passe.
      </p>
      <div aria-live="polite" className="u-mb-3">
        {outcome?.kind === 'sent' && (
          <Alert
            severity="success"
            title="Demande enregistrée"
            description="Si un compte correspond à cette adresse, un courriel vient de lui être envoyé avec le lien. Pensez à regarder dans les indésirables."
          />
        )}
        {outcome?.kind === 'unavailable' && (
          <Alert
            severity="info"
            title="Réinitialisation par courriel indisponible"
            description="Cette plateforme n’envoie pas de lien de réinitialisation : demandez à un administrateur de vous définir un nouveau mot de passe."
          />
        )}
        {outcome?.kind === 'error' && !fieldError && (
          <Alert severity="error" small description={outcome.error.message} />
        )}
      </div>
      <form onSubmit={submit} noValidate aria-label="Demander un lien de réinitialisation">
        <Input
          label="Adresse électronique"
          state={fieldError ? 'error' : 'default'}
          stateRelatedMessage={fieldError}
          nativeInputProps={{
            type: 'email',
            autoComplete: 'username',
            required: true,
            value: email,
            onChange: (e) => setEmail(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Envoi…' : 'Recevoir un lien'}
        </Button>
      </form>
      <p className="u-mt-4">
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
