import { useEffect, useState } from 'react';
import { getJson } from '../../api/client.ts';
import { ButtonLink } from '../../ui/index.ts';
import { readProvider, type SignInProvider } from './providers.ts';

/** « Se connecter avec … » when the platform signs in through an identity provider; nothing otherwise. */
export function OidcSignIn({ returnTo }: { returnTo: string }) {
  const [provider, setProvider] = useState<SignInProvider | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    // A server without the route (404) or without a provider simply shows no button.
    getJson<unknown>('/api/auth/fournisseurs', controller.signal).then(
      (answer) => setProvider(readProvider(answer, returnTo)),
      () => setProvider(null),
    );
    return () => controller.abort();
  }, [returnTo]);
  if (!provider) return null;
  return (
    <div className="u-mb-4">
      <ButtonLink href={provider.href} priority="secondary" iconId="account-circle-line">
        Se connecter avec {provider.label}
      </ButtonLink>
      <p className="u-text-sm u-mt-2">ou avec votre adresse électronique et votre mot de passe :</p>
    </div>
  );
}
