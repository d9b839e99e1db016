import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import type { ApiState } from '../api/useApi.ts';

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <output className="odts-loading" aria-live="polite">
      <span className="odts-spinner" aria-hidden="true" />
      {label}
    </output>
  );
}

export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: (() => void) | undefined }) {
  const title =
    error.status === 404
      ? 'Introuvable'
      : error.status === 0
        ? 'Serveur injoignable'
        : 'Une erreur est survenue';
  return (
    <div role="alert" className="fr-my-4w">
      <Alert
        severity="error"
        title={title}
        description={
          <>
            <span>{error.message}</span>
            {onRetry && (
              <span className="fr-mt-2w" style={{ display: 'block' }}>
                <Button priority="secondary" size="small" onClick={onRetry}>
                  Réessayer
                </Button>
              </span>
            )}
          </>
        }
      />
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="fr-text--lg odts-empty">{children}</p>;
}

/** Loading and error states of an API answer; `children` renders the data. */
export function Async<T>({
  state,
  label,
  children,
}: {
  state: ApiState<T> & { reload?: () => void };
  label?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading label={label} />;
  if (state.status === 'error') return <ErrorMessage error={state.error} onRetry={state.reload} />;
  return <>{children(state.data)}</>;
}

/** A page whose main record could not be loaded: a heading, then the reason and a retry. */
export function PageError({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}) {
  return (
    <>
      <h1 className="fr-mt-4w">{title}</h1>
      <ErrorMessage error={error} onRetry={error.status === 404 ? undefined : onRetry} />
    </>
  );
}
