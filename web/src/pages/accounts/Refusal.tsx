import type { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/StateViews.tsx';
import { Alert } from '../../ui/index.ts';

/**
 * An answer the page cannot show: a refusal (401, 403) said plainly with what to do, any other error with
 * the server's message and a retry.
 */
export function RefusalOrError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.status === 401)
    return (
      <div role="alert" className="u-my-4">
        <Alert
          severity="warning"
          title="Connexion nécessaire"
          description={
            <p>
              {error.message} <a href="/connexion">Se connecter</a>
            </p>
          }
        />
      </div>
    );
  if (error.status === 403)
    return (
      <div role="alert" className="u-my-4">
        <Alert
          severity="error"
          title="Accès refusé"
          description={
            <>
              <p>{error.message}</p>
              <p>Adressez-vous à un administrateur de la plateforme si vous en avez besoin.</p>
            </>
          }
        />
      </div>
    );
  return <ErrorMessage error={error} onRetry={onRetry} />;
}
