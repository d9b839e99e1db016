import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import type { ApiState } from '../api/useApi.ts';
import { Alert, Button } from '../ui/index.ts';

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
    <div role="alert" className="u-my-4">
      <Alert
        severity="error"
        title={title}
        description={
          <>
            <span>{error.message}</span>
            {onRetry && (
              <span className="u-mt-2" style={{ display: 'block' }}>
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
  return <p className="u-text-lg odts-empty">{children}</p>;
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
      <h1 className="u-mt-4">{title}</h1>
      <ErrorMessage error={error} onRetry={error.status === 404 ? undefined : onRetry} />
    </>
  );
}
